import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATEGORY_COLORS } from '../../src/components/chart-frame/palette';

/*
 * Colour accessibility, computed rather than eyeballed:
 * 1. Every pair of category colours stays apart for the common colour-vision deficiencies.
 *    Simulation: Machado, Oliveira & Fernandes (2009) matrices at severity 1.0 (protanopia,
 *    deuteranopia, tritanopia), applied to linear sRGB. Difference: CIEDE2000 in CIELAB (D65).
 *    Threshold 6: a ΔE00 of about 1 is just noticeable for two large patches side by side, but
 *    chart marks are small and apart, which takes several times that (Szafir 2017, "Modeling
 *    Color Difference for Visualization Design"). 6 keeps a clear margin over the JND while the
 *    Okabe–Ito set still passes (its closest pair, pink/grey under deuteranopia, is 7.5); the old
 *    7th colour #B8A400 failed at 1.1 against orange under protanopia.
 * 2. Text colours against the backgrounds they sit on, both themes, reach WCAG AA 4.5:1 — read
 *    from the CSS variables in src/app/app.css (`light-dark(light, dark)`), so a token change is
 *    checked here. The focus ring, a non-text indicator, needs 3:1 (WCAG 1.4.11).
 */

type Rgb = [number, number, number];

const MACHADO: Record<string, number[][]> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};
const IDENTITY = [
  [1, 0, 0],
  [0, 1, 0],
  [0, 0, 1],
];

function parseHex(hex: string): Rgb {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as Rgb;
}
const toLinear = (c: number) => {
  const v = c / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
};
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** Linear sRGB seen through `matrix` → CIELAB (D65). */
function simulatedLab(hex: string, matrix: number[][]): Rgb {
  const lin = parseHex(hex).map(toLinear);
  const [r, g, b] = matrix.map((row) => clamp01(row[0] * lin[0] + row[1] * lin[1] + row[2] * lin[2]));
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** CIEDE2000 colour difference (Sharma, Wu & Dalal 2005). */
function deltaE2000([L1, a1, b1]: Rgb, [L2, a2, b2]: Rgb): number {
  const rad = Math.PI / 180;
  const C1 = Math.hypot(a1, b1);
  const C2 = Math.hypot(a2, b2);
  const Cm = (C1 + C2) / 2;
  const G = 0.5 * (1 - Math.sqrt(Cm ** 7 / (Cm ** 7 + 25 ** 7)));
  const a1p = (1 + G) * a1;
  const a2p = (1 + G) * a2;
  const C1p = Math.hypot(a1p, b1);
  const C2p = Math.hypot(a2p, b2);
  const hue = (b: number, a: number) => (a === 0 && b === 0 ? 0 : (Math.atan2(b, a) / rad + 360) % 360);
  const h1p = hue(b1, a1p);
  const h2p = hue(b2, a2p);
  let dh = 0;
  if (C1p * C2p !== 0) {
    dh = h2p - h1p;
    if (dh > 180) dh -= 360;
    else if (dh < -180) dh += 360;
  }
  const dL = L2 - L1;
  const dC = C2p - C1p;
  const dH = 2 * Math.sqrt(C1p * C2p) * Math.sin((dh / 2) * rad);
  const Lm = (L1 + L2) / 2;
  const Cmp = (C1p + C2p) / 2;
  let hm = h1p + h2p;
  if (C1p * C2p !== 0) hm = Math.abs(h1p - h2p) > 180 ? (h1p + h2p + (h1p + h2p < 360 ? 360 : -360)) / 2 : (h1p + h2p) / 2;
  const T =
    1 -
    0.17 * Math.cos((hm - 30) * rad) +
    0.24 * Math.cos(2 * hm * rad) +
    0.32 * Math.cos((3 * hm + 6) * rad) -
    0.2 * Math.cos((4 * hm - 63) * rad);
  const dTheta = 30 * Math.exp(-(((hm - 275) / 25) ** 2));
  const RC = 2 * Math.sqrt(Cmp ** 7 / (Cmp ** 7 + 25 ** 7));
  const SL = 1 + (0.015 * (Lm - 50) ** 2) / Math.sqrt(20 + (Lm - 50) ** 2);
  const SC = 1 + 0.045 * Cmp;
  const SH = 1 + 0.015 * Cmp * T;
  const RT = -Math.sin(2 * dTheta * rad) * RC;
  return Math.sqrt((dL / SL) ** 2 + (dC / SC) ** 2 + (dH / SH) ** 2 + RT * (dC / SC) * (dH / SH));
}

/** WCAG 2 contrast ratio of two opaque colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, b2] = parseHex(hex).map(toLinear);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b2;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const MIN_DELTA_E = 6;

describe('category palette under colour-vision deficiency', () => {
  it('reference values: CIEDE2000 matches Sharma et al.’s test pair', () => {
    // Pair 1 of the published CIEDE2000 test data: ΔE00 = 2.0425.
    expect(deltaE2000([50, 2.6772, -79.7751], [50, 0, -82.7485])).toBeCloseTo(2.0425, 4);
  });

  for (const [name, matrix] of [['normal vision', IDENTITY], ...Object.entries(MACHADO)] as [string, number[][]][]) {
    it(`every pair of the ${CATEGORY_COLORS.length} colours differs by ΔE00 ≥ ${MIN_DELTA_E} (${name})`, () => {
      const tooClose: string[] = [];
      CATEGORY_COLORS.forEach((a, i) =>
        CATEGORY_COLORS.slice(i + 1).forEach((b) => {
          const d = deltaE2000(simulatedLab(a, matrix), simulatedLab(b, matrix));
          if (d < MIN_DELTA_E) tooClose.push(`${a}/${b}: ${d.toFixed(1)}`);
        }),
      );
      expect(tooClose).toEqual([]);
    });
  }

  it('the simulation is not a no-op: red and green collapse under deuteranopia', () => {
    expect(deltaE2000(simulatedLab('#d62728', MACHADO.deuteranopia), simulatedLab('#2ca02c', MACHADO.deuteranopia))).toBeLessThan(
      MIN_DELTA_E * 2,
    );
    expect(deltaE2000(simulatedLab('#d62728', IDENTITY), simulatedLab('#2ca02c', IDENTITY))).toBeGreaterThan(40);
  });
});

/** `--name: light-dark(#light, #dark)` tokens of a stylesheet. */
function themeTokens(css: string): Record<string, { light: string; dark: string }> {
  const out: Record<string, { light: string; dark: string }> = {};
  for (const m of css.matchAll(/--([\w-]+):\s*light-dark\(\s*(#[0-9a-fA-F]{3,6})\s*,\s*(#[0-9a-fA-F]{3,6})\s*\)/g))
    out[m[1]] = { light: m[2], dark: m[3] };
  return out;
}

const css = (path: string) => readFileSync(join(__dirname, '../..', path), 'utf8');
const tokens = themeTokens(css('src/app/app.css'));

describe('theme colours meet WCAG AA contrast in light and dark', () => {
  it('reads the tokens from app.css', () => {
    for (const name of [
      'bg',
      'surface',
      'text',
      'muted',
      'accent',
      'accent-soft',
      'warn-bg',
      'warn-text',
      'error-bg',
      'error-text',
      'focus',
      'estimate',
    ])
      expect(tokens[name], name).toBeDefined();
  });

  // [foreground token, background token, minimum ratio]: text 4.5:1, the focus ring 3:1.
  const PAIRS: [string, string, number][] = [
    ...['text', 'muted', 'accent', 'estimate'].flatMap((fg) =>
      ['bg', 'surface', 'accent-soft'].map((bg) => [fg, bg, 4.5] as [string, string, number]),
    ),
    ['warn-text', 'warn-bg', 4.5],
    ['error-text', 'error-bg', 4.5],
    ['text', 'warn-bg', 4.5],
    ['text', 'error-bg', 4.5],
    ['focus', 'bg', 3],
    ['focus', 'surface', 3],
  ];
  for (const theme of ['light', 'dark'] as const) {
    it(`${theme}: text on its backgrounds ≥ 4.5:1, focus ring ≥ 3:1`, () => {
      const failing = PAIRS.filter(([fg, bg, min]) => contrast(tokens[fg][theme], tokens[bg][theme]) < min).map(
        ([fg, bg, min]) => `--${fg} on --${bg}: ${contrast(tokens[fg][theme], tokens[bg][theme]).toFixed(2)} < ${min}`,
      );
      expect(failing).toEqual([]);
    });
  }

  it('feature colours written as light-dark() literals: on their own background, else on the surface', () => {
    const failing: string[] = [];
    for (const file of ['src/features/models-table/models-table.css', 'src/features/compare/compare-panel.css']) {
      for (const rule of css(file).matchAll(/([^{}]+)\{([^}]*)\}/g)) {
        const decl = rule[2];
        const fg = /(?:^|;)\s*color:\s*light-dark\(\s*(#[0-9a-fA-F]{3,6})\s*,\s*(#[0-9a-fA-F]{3,6})\s*\)/.exec(decl);
        if (!fg) continue;
        const bg = /background(?:-color)?:\s*light-dark\(\s*(#[0-9a-fA-F]{3,6})\s*,\s*(#[0-9a-fA-F]{3,6})\s*\)/.exec(decl);
        ([0, 1] as const).forEach((side) => {
          const back = bg ? bg[side + 1] : tokens.surface[side === 0 ? 'light' : 'dark'];
          const ratio = contrast(fg[side + 1], back);
          if (ratio < 4.5) failing.push(`${file} ${rule[1].trim()} (${side === 0 ? 'light' : 'dark'}): ${ratio.toFixed(2)}`);
        });
      }
    }
    expect(failing).toEqual([]);
  });
});
