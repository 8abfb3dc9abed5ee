#!/usr/bin/env node
// Runs a command beside CPU-bound busy loops, to check that the tests hold on a busy machine.
//   node tests/load/busy.mjs [--loops N] [-- command args…]      (default: 2 loops, `npm test`)
// The loops are child processes that spin until the command ends (or Ctrl-C / a kill), then
// are stopped; the command's exit code is passed on and the wall time printed.
import { spawn } from 'node:child_process';

const argv = process.argv.slice(2);
const dashes = argv.indexOf('--');
const options = dashes === -1 ? argv : argv.slice(0, dashes);
const command = dashes === -1 ? ['npm', 'test'] : argv.slice(dashes + 1);
const loopsAt = options.indexOf('--loops');
const loopCount = loopsAt === -1 ? 2 : Number(options[loopsAt + 1]);
if (!Number.isInteger(loopCount) || loopCount < 0 || command.length === 0) {
  console.error('usage: node tests/load/busy.mjs [--loops N] [-- command args…]');
  process.exit(2);
}

// Each loop also exits on its own when this process goes away (its stdin pipe closes), so no
// loop outlives the run even if this script is killed with SIGKILL.
const SPIN =
  "process.stdin.on('end', () => process.exit(0)); process.stdin.resume(); " +
  'const spin = () => { const end = Date.now() + 50; while (Date.now() < end); setImmediate(spin); }; spin();';
const loops = Array.from({ length: loopCount }, () => spawn(process.execPath, ['-e', SPIN], { stdio: ['pipe', 'ignore', 'inherit'] }));

const started = Date.now();
console.log(`[busy] ${loopCount} busy loop(s) running (pids ${loops.map((l) => l.pid).join(', ')}); running: ${command.join(' ')}`);
const child = spawn(command[0], command.slice(1), { stdio: 'inherit' });

let stopped = false;
function stopLoops() {
  if (stopped) return;
  stopped = true;
  for (const loop of loops) loop.kill('SIGTERM');
}

function report(code) {
  stopLoops();
  const seconds = (Date.now() - started) / 1000;
  const minutes = Math.floor(seconds / 60);
  console.log(`[busy] ${command.join(' ')}: exit ${code}, wall time ${minutes} min ${(seconds - minutes * 60).toFixed(1)} s`);
  process.exit(code);
}

child.on('error', (err) => {
  console.error(`[busy] could not start ${command[0]}: ${err.message}`);
  report(127);
});
child.on('exit', (code, signal) => report(code ?? (signal === 'SIGINT' ? 130 : 1)));

// Ctrl-C, a kill: stop the loops and pass the signal on; the exit handler above reports.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    stopLoops();
    child.kill(signal);
  });
}
