/**
 * The map as a figure: the map's pixels with what a reader of paper needs and the live map keeps in DOM
 * controls — a legend, a scale bar, a north arrow and the sources' credits — drawn with Canvas 2D onto one
 * image. The printed reports show it as an <img>; the PNG export downloads it with a title and a date on top.
 * One drawing for both, so the paper and the file say the same thing.
 */
import { metresPerPixel, scaleBar } from "../../map/map_scale.ts";
import type { MapSnapshot } from "../../map/map_snapshot.ts";
import type { SymbolShape } from "../../map/symbols.ts";

export interface LegendEntry {
  label: string;
  color: string;
  /** A point symbol, a ring (listed dead zone) or a filled box (coverage). */
  shape: SymbolShape | "ring" | "fill";
}

export interface FigureText {
  /** Drawn above the map (the PNG export); the printed page has its own title. */
  title?: string;
  subtitle?: string;
  legendHeading: string;
  /** The letter on the north arrow: "B" (Bắc) or "N". */
  north: string;
  /** Said under the scale bar: where the scale is true. */
  scaleNote: string;
  /** The map's credits, one line: "Nguồn bản đồ: …" (the boundaries' source, and the live map's attribution). */
  credits: string;
  /** Text and symbols this many times their screen size (a printed figure is shrunk to the page's width). */
  textScale?: number;
}

const FONT = '"Times New Roman", Tinos, "Liberation Serif", "Noto Serif", serif';
const INK = "#1a1a1a";

interface Layout {
  scale: number;
  width: number;
  titleHeight: number;
  mapHeight: number;
  legendRows: { entry: LegendEntry; x: number; y: number }[];
  /** The scale bar's bottom edge, from the legend band's top. */
  scaleBottom: number;
  /** The credits, wrapped to the width. */
  creditLines: string[];
  legendHeight: number;
}

/** Breaks a text into lines no wider than `width` at the context's current font. */
function wrap(context: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && context.measureText(candidate).width > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

function font(context: CanvasRenderingContext2D, size: number, scale: number, weight = "normal"): void {
  context.font = `${weight} ${Math.round(size * scale)}px ${FONT}`;
}

function layout(context: CanvasRenderingContext2D, snapshot: MapSnapshot, legend: readonly LegendEntry[], text: FigureText): Layout {
  // Text is sized in CSS pixels and drawn at the canvas' pixel ratio, so it reads the same on any screen.
  const scale = Math.max(1, snapshot.pixelRatio) * (text.textScale ?? 1);
  const width = snapshot.canvas.width;
  const titleHeight = text.title ? Math.round((text.subtitle ? 62 : 40) * scale) : 0;
  font(context, 13, scale);
  const pad = 12 * scale;
  const rowHeight = 20 * scale;
  const symbol = 22 * scale;
  const gap = 18 * scale;
  let x = pad;
  let y = pad + rowHeight; // the heading takes the first row
  const legendRows: Layout["legendRows"] = [];
  for (const entry of legend) {
    const itemWidth = symbol + context.measureText(entry.label).width + gap;
    if (x > pad && x + itemWidth > width - pad) {
      x = pad;
      y += rowHeight;
    }
    legendRows.push({ entry, x, y });
    x += itemWidth;
  }
  font(context, 10, scale);
  const creditLines = text.credits ? wrap(context, text.credits, width - 2 * pad) : [];
  // Under the legend, the scale bar: off the map, so it never hides a point.
  const scaleBottom = y + rowHeight + 48 * scale;
  const legendHeight = Math.round(scaleBottom + 6 * scale + creditLines.length * 13 * scale + pad);
  return { scale, width, titleHeight, mapHeight: snapshot.canvas.height, legendRows, scaleBottom, creditLines, legendHeight };
}

function drawSymbol(context: CanvasRenderingContext2D, entry: LegendEntry, x: number, y: number, scale: number): void {
  const r = 6 * scale;
  const cx = x + r + scale;
  const cy = y;
  context.beginPath();
  switch (entry.shape) {
    case "circle":
    case "ring":
      context.arc(cx, cy, r, 0, 2 * Math.PI);
      break;
    case "square":
      context.rect(cx - r * 0.9, cy - r * 0.9, 1.8 * r, 1.8 * r);
      break;
    case "triangle":
      context.moveTo(cx, cy - r);
      context.lineTo(cx + r, cy + r * 0.85);
      context.lineTo(cx - r, cy + r * 0.85);
      context.closePath();
      break;
    case "diamond":
      context.moveTo(cx, cy - r);
      context.lineTo(cx + r, cy);
      context.lineTo(cx, cy + r);
      context.lineTo(cx - r, cy);
      context.closePath();
      break;
    case "fill":
      context.rect(cx - r * 1.2, cy - r * 0.8, 2.4 * r, 1.6 * r);
      break;
  }
  if (entry.shape === "ring") {
    context.lineWidth = 2.5 * scale;
    context.strokeStyle = entry.color;
    context.stroke();
    return;
  }
  context.globalAlpha = entry.shape === "fill" ? 0.45 : 1;
  context.fillStyle = entry.color;
  context.fill();
  context.globalAlpha = 1;
  context.lineWidth = scale;
  context.strokeStyle = entry.shape === "fill" ? entry.color : "#ffffff";
  context.stroke();
}

function drawNorthArrow(
  context: CanvasRenderingContext2D,
  letter: string,
  right: number,
  top: number,
  bearing: number,
  scale: number,
  mapHeight: number,
): void {
  // At most a ninth of the map's height in a short map (the tracking view's is wide and low).
  const size = Math.min(26 * scale, mapHeight / 9);
  const cx = right - size;
  const cy = top + size + 4 * scale;
  context.fillStyle = "rgba(255,255,255,0.9)";
  context.strokeStyle = "#8a8a92";
  context.lineWidth = scale;
  context.beginPath();
  context.roundRect(cx - size * 0.75, cy - size * 1.1, size * 1.5, size * 2.1, 4 * scale);
  context.fill();
  context.stroke();
  context.save();
  context.translate(cx, cy + 4 * scale);
  // The map turned by `bearing` degrees clockwise puts north that far anticlockwise.
  context.rotate((-bearing * Math.PI) / 180);
  const h = size * 0.55;
  const w = size * 0.28;
  context.lineWidth = scale;
  context.strokeStyle = INK;
  context.beginPath();
  context.moveTo(0, -h);
  context.lineTo(w, h);
  context.lineTo(0, h * 0.55);
  context.closePath();
  context.fillStyle = INK;
  context.fill();
  context.stroke();
  context.beginPath();
  context.moveTo(0, -h);
  context.lineTo(-w, h);
  context.lineTo(0, h * 0.55);
  context.closePath();
  context.fillStyle = "#ffffff";
  context.fill();
  context.stroke();
  context.restore();
  font(context, size / 2 / scale, scale, "bold");
  context.fillStyle = INK;
  context.textAlign = "center";
  context.textBaseline = "alphabetic";
  context.fillText(letter, cx, cy - size * 0.62);
  context.textAlign = "left";
}

function drawScaleBar(context: CanvasRenderingContext2D, snapshot: MapSnapshot, note: string, left: number, bottom: number, scale: number): void {
  const bar = scaleBar(metresPerPixel(snapshot.zoom, snapshot.latitude, snapshot.pixelRatio), Math.min(snapshot.canvas.width / 4, 160 * scale));
  if (!bar) return;
  font(context, 12, scale);
  const noteWidth = context.measureText(note).width;
  const boxWidth = Math.max(bar.pixels, noteWidth) + 16 * scale;
  const boxHeight = 44 * scale;
  const x = left;
  const y = bottom - boxHeight;
  context.fillStyle = "rgba(255,255,255,0.9)";
  context.strokeStyle = "#8a8a92";
  context.lineWidth = scale;
  context.beginPath();
  context.roundRect(x, y, boxWidth, boxHeight, 4 * scale);
  context.fill();
  context.stroke();
  const barX = x + 8 * scale;
  const barY = y + 20 * scale;
  const barHeight = 5 * scale;
  // Two halves, black and white, as on survey maps: the middle tick reads half the length.
  context.fillStyle = INK;
  context.fillRect(barX, barY, bar.pixels / 2, barHeight);
  context.fillStyle = "#ffffff";
  context.fillRect(barX + bar.pixels / 2, barY, bar.pixels / 2, barHeight);
  context.strokeStyle = INK;
  context.strokeRect(barX, barY, bar.pixels, barHeight);
  context.fillStyle = INK;
  context.textBaseline = "alphabetic";
  context.textAlign = "left";
  context.fillText("0", barX, barY - 4 * scale);
  context.textAlign = "right";
  context.fillText(bar.label, barX + bar.pixels, barY - 4 * scale);
  context.textAlign = "left";
  font(context, 11, scale, "italic");
  context.fillText(note, barX, barY + barHeight + 13 * scale);
}

/**
 * Draws the figure.
 * @param snapshot - the map as it is now (map_snapshot.ts)
 * @param legend - what the symbols mean
 * @param text - the words around the map
 * @returns a canvas with the figure on a white ground
 */
export function composeMapFigure(snapshot: MapSnapshot, legend: readonly LegendEntry[], text: FigureText): HTMLCanvasElement {
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d");
  if (!context) throw new Error("2D canvas unavailable");
  const plan = layout(context, snapshot, legend, text);
  const { scale, width, titleHeight, mapHeight } = plan;
  canvas.width = width;
  canvas.height = titleHeight + mapHeight + plan.legendHeight;
  // Resizing resets the context: draw everything from here.
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.textBaseline = "alphabetic";
  if (text.title) {
    context.fillStyle = INK;
    context.textAlign = "center";
    font(context, 20, scale, "bold");
    context.fillText(text.title, width / 2, 27 * scale, width - 24 * scale);
    if (text.subtitle) {
      font(context, 14, scale, "italic");
      context.fillText(text.subtitle, width / 2, 50 * scale, width - 24 * scale);
    }
    context.textAlign = "left";
  }
  context.drawImage(snapshot.canvas, 0, titleHeight);
  context.strokeStyle = "#8a8a92";
  context.lineWidth = scale;
  context.strokeRect(0.5 * scale, titleHeight + 0.5 * scale, width - scale, mapHeight - scale);
  drawNorthArrow(context, text.north, width - 12 * scale, titleHeight + 12 * scale, snapshot.bearing, scale, mapHeight);

  const legendTop = titleHeight + mapHeight;
  drawScaleBar(context, snapshot, text.scaleNote, 12 * scale, legendTop + plan.scaleBottom, scale);
  const pad = 12 * scale;
  context.fillStyle = INK;
  font(context, 13, scale, "bold");
  context.fillText(text.legendHeading, pad, legendTop + pad + 14 * scale);
  font(context, 13, scale);
  for (const row of plan.legendRows) {
    const y = legendTop + row.y + 10 * scale;
    drawSymbol(context, row.entry, row.x, y, scale);
    context.fillStyle = INK;
    context.textBaseline = "middle";
    context.fillText(row.entry.label, row.x + 22 * scale, y);
    context.textBaseline = "alphabetic";
  }
  font(context, 10, scale);
  context.fillStyle = "#55555c";
  plan.creditLines.forEach((line, index) => {
    context.fillText(line, pad, canvas.height - pad - (plan.creditLines.length - 1 - index) * 13 * scale);
  });
  return canvas;
}

/**
 * The figure as PNG bytes (the PNG export).
 * @param canvas - from composeMapFigure
 * @returns the file's bytes
 */
export async function figurePng(canvas: HTMLCanvasElement): Promise<Uint8Array<ArrayBuffer>> {
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
  if (!blob) throw new Error("PNG encoding failed");
  return new Uint8Array(await blob.arrayBuffer());
}
