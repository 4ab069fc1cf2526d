/**
 * A hook-up point for the printable page: MapView registers how to read its canvas as an image
 * (the map is created with preserveDrawingBuffer so the pixels are still there).
 */

let capture: (() => string | null) | null = null;

/**
 * Registers (or clears) the function that captures the map image.
 * @param next - returns a PNG data URL, or null
 */
export function registerMapSnapshot(next: (() => string | null) | null): void {
  capture = next;
}

/**
 * Captures the current map as a PNG data URL.
 * @returns the image, or null when no map is drawn (no WebGL, or not loaded)
 */
export function captureMapImage(): string | null {
  try {
    return capture ? capture() : null;
  } catch {
    return null;
  }
}
