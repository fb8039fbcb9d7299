/** Pixel checks on screenshots: is a region blank, and how much of it has a given colour family. */
import {PNG} from 'pngjs';

/** Decode a PNG screenshot. */
export function decodePng(buffer: Buffer): PNG {
  return PNG.sync.read(buffer);
}

/** Share of pixels for which `test(r, g, b)` holds. */
export function pixelShare(png: PNG, test: (r: number, g: number, b: number) => boolean): number {
  let hits = 0;
  const {data} = png;
  for (let i = 0; i < data.length; i += 4) if (test(data[i], data[i + 1], data[i + 2])) hits++;
  return hits / (png.width * png.height);
}

/** Hexagon fills of the count scale (YlOrRd): warm, clearly more red than blue. */
export function isWarm(r: number, g: number, b: number): boolean {
  return r > 180 && r - b > 60 && g < 235;
}

/** Number of distinct colours (coarsely binned), a cheap "is anything drawn" measure. */
export function distinctColours(png: PNG): number {
  const seen = new Set<number>();
  const {data} = png;
  for (let i = 0; i < data.length; i += 4)
    seen.add(((data[i] >> 4) << 8) | ((data[i + 1] >> 4) << 4) | (data[i + 2] >> 4));
  return seen.size;
}
