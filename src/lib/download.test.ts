// @vitest-environment jsdom
import { downloadText } from './download';

describe('downloadText', () => {
  // jsdom has no object URLs; these stand in for the browser's.
  const createObjectURL = vi.fn((_blob: Blob) => 'blob:mock-url');
  const revokeObjectURL = vi.fn((_url: string) => undefined);

  beforeEach(() => {
    vi.useFakeTimers();
    createObjectURL.mockClear();
    revokeObjectURL.mockClear();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
  });

  afterEach(() => {
    vi.useRealTimers();
    Reflect.deleteProperty(URL, 'createObjectURL');
    Reflect.deleteProperty(URL, 'revokeObjectURL');
  });

  it('clicks a temporary <a download> for a blob of the text, then releases the URL', async () => {
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.isConnected).toBe(true);
      clicked.push(this);
    });

    downloadText('models.csv', '\uFEFFa,b\r\n模型,1\r\n', 'text/csv;charset=utf-8');

    expect(clicked).toHaveLength(1);
    const [anchor] = clicked;
    expect(anchor.getAttribute('download')).toBe('models.csv');
    expect(anchor.getAttribute('href')).toBe('blob:mock-url');
    expect(anchor.isConnected).toBe(false);

    const blob = createObjectURL.mock.calls[0][0];
    expect(blob.type).toBe('text/csv;charset=utf-8');
    // Blob.text() would drop the BOM while decoding, so compare the bytes.
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe('\uFEFFa,b\r\n模型,1\r\n');

    expect(revokeObjectURL).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:mock-url');
  });
});
