/**
 * The dense points' dots as one MapLibre custom layer drawn by the GPU: one point sprite per visible point (a disc in
 * its code's colour with a white outline; a dark ring under the listed ones), from the positions uploaded once per
 * analysis. A filter change uploads the codes and the drawing order (point_dots.ts) and asks for one frame: no tile is
 * rasterised or fetched, so the map shows the new filter in the next frame.
 *
 * The sprites are drawn into a texture of their own, single-sampled, and only when the camera, the canvas or the
 * style changed; every frame then lays that texture over the map with one quad. With software WebGL (SwiftShader)
 * 100,000 sprites cost about three times as much in the map's 4× multisampled canvas, and the frames a coverage tile or
 * a label fade asks for would draw them all again.
 *
 * Uploads and drawing happen inside `prerender` and `render`, where MapLibre expects the GL state to change (it
 * resets its own afterwards); the layer never touches the context outside those, `onAdd` and `onRemove`.
 */
import type { CustomLayerInterface, CustomRenderMethodInput, Map as MapLibreMap } from "maplibre-gl";
import { DOTS_BELOW_ZOOM, LAYER } from "./layers.ts";
import { DOT_OUTLINE, DOT_PALETTE, LISTED_RING_RGB, RING_GAP, RING_WIDTH, dotRadius, type DotStyle } from "./point_dots.ts";

const PALETTE = Float32Array.from(DOT_PALETTE.flatMap((rgb) => rgb.map((channel) => channel / 255)));
const RING_COLOR = Float32Array.from(LISTED_RING_RGB.map((channel) => channel / 255));

const VERTEX_SHADER = `#version 300 es
uniform mat4 u_matrix;
uniform float u_size;
layout(location = 0) in vec2 a_pos;
layout(location = 1) in float a_code;
flat out int v_code;
void main() {
  gl_Position = u_matrix * vec4(a_pos, 0.0, 1.0);
  gl_PointSize = u_size;
  v_code = int(a_code + 0.5);
}`;

// d: distance from the sprite's centre in device pixels. A pixel is the dot's when its centre is inside the dot.
const FRAGMENT_SHADER = `#version 300 es
precision highp float;
uniform float u_size;
uniform float u_radius;
uniform float u_outline;
uniform float u_ringWidth;
uniform bool u_ring;
uniform vec3 u_palette[${DOT_PALETTE.length}];
uniform vec3 u_ringColor;
flat in int v_code;
out vec4 fragColor;
void main() {
  float d = length(gl_PointCoord - 0.5) * u_size;
  if (u_ring) {
    if (d > u_radius || d < u_radius - u_ringWidth) discard;
    fragColor = vec4(u_ringColor, 1.0);
    return;
  }
  if (d > u_radius + u_outline) discard;
  fragColor = d <= u_radius ? vec4(u_palette[v_code], 1.0) : vec4(1.0);
}`;

// The texture laid over the map: one triangle covering the viewport, each pixel its own.
const COMPOSITE_VERTEX_SHADER = `#version 300 es
void main() {
  vec2 corner = vec2(gl_VertexID == 1 ? 3.0 : -1.0, gl_VertexID == 2 ? 3.0 : -1.0);
  gl_Position = vec4(corner, 0.0, 1.0);
}`;

const COMPOSITE_FRAGMENT_SHADER = `#version 300 es
precision highp float;
uniform sampler2D u_dots;
out vec4 fragColor;
void main() {
  fragColor = texelFetch(u_dots, ivec2(gl_FragCoord.xy), 0);
}`;

function compile(gl: WebGL2RenderingContext, type: number, source: string): WebGLShader {
  const shader = gl.createShader(type)!;
  gl.shaderSource(shader, source);
  gl.compileShader(shader);
  return shader;
}

function link(gl: WebGL2RenderingContext, vertex: string, fragment: string): WebGLProgram | null {
  const program = gl.createProgram();
  gl.attachShader(program, compile(gl, gl.VERTEX_SHADER, vertex));
  gl.attachShader(program, compile(gl, gl.FRAGMENT_SHADER, fragment));
  gl.linkProgram(program);
  // Asked once, at the map's start-up: a shader this context cannot run draws no dots, and says why in the console.
  if (gl.getProgramParameter(program, gl.LINK_STATUS)) return program;
  console.error(`point dots: ${gl.getProgramInfoLog(program)}`);
  gl.deleteProgram(program);
  return null;
}

/** The custom layer, with what MapView sets on it. */
export interface PointDotsLayer extends CustomLayerInterface {
  /** The points of a new analysis (null: none drawn). */
  setPositions(positions: Float32Array | null): void;
  /** How the points are drawn from now on (asks for a frame). */
  setStyle(style: DotStyle): void;
}

/** What the dots' texture was last drawn for: when all of it holds, the texture is laid over the map as it is. */
interface Drawn {
  matrix: Float32Array;
  width: number;
  height: number;
  zoom: number;
  ratio: number;
  serial: number;
}

/**
 * Creates the layer (add it once, when the map loads: its shaders are compiled then, not during an import).
 * @returns the layer
 */
export function createPointDotsLayer(): PointDotsLayer {
  let map: MapLibreMap | null = null;
  let program: WebGLProgram | null = null;
  let composite: WebGLProgram | null = null;
  let vao: WebGLVertexArrayObject | null = null;
  let emptyVao: WebGLVertexArrayObject | null = null;
  let positionBuffer: WebGLBuffer | null = null;
  let codeBuffer: WebGLBuffer | null = null;
  let indexBuffer: WebGLBuffer | null = null;
  let texture: WebGLTexture | null = null;
  let framebuffer: WebGLFramebuffer | null = null;
  const uniforms = new Map<string, WebGLUniformLocation | null>();
  /** What to upload at the next frame. */
  let pendingPositions: Float32Array | null | undefined;
  let pendingStyle: DotStyle | null = null;
  let pointCount = 0;
  let dotCount = 0;
  let ringCount = 0;
  /** Bumped by every upload: the texture is drawn again. */
  let serial = 0;
  let drawn: Drawn | null = null;
  /** Whether the last prerender left dots in the texture for render to lay over the map. */
  let showing = false;

  const uniform = (gl: WebGL2RenderingContext, owner: WebGLProgram, name: string) => {
    const key = `${owner === program ? "dots" : "composite"}:${name}`;
    if (!uniforms.has(key)) uniforms.set(key, gl.getUniformLocation(owner, name));
    return uniforms.get(key)!;
  };

  const upload = (gl: WebGL2RenderingContext) => {
    if (pendingPositions !== undefined) {
      const positions = pendingPositions ?? new Float32Array(0);
      gl.bindBuffer(gl.ARRAY_BUFFER, positionBuffer);
      gl.bufferData(gl.ARRAY_BUFFER, positions, gl.STATIC_DRAW);
      pointCount = positions.length / 2;
      pendingPositions = undefined;
      // Codes of another analysis mean nothing for these points.
      dotCount = 0;
      ringCount = 0;
      serial++;
    }
    if (pendingStyle && pendingStyle.codes.length === pointCount) {
      gl.bindBuffer(gl.ARRAY_BUFFER, codeBuffer);
      gl.bufferData(gl.ARRAY_BUFFER, pendingStyle.codes, gl.DYNAMIC_DRAW);
      // One element buffer: the rings' indices, then the dots' (both drawn from the same vertices).
      const indices = new Uint32Array(pendingStyle.rings.length + pendingStyle.dots.length);
      indices.set(pendingStyle.rings, 0);
      indices.set(pendingStyle.dots, pendingStyle.rings.length);
      gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, indexBuffer);
      gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, indices, gl.DYNAMIC_DRAW);
      ringCount = pendingStyle.rings.length;
      dotCount = pendingStyle.dots.length;
      pendingStyle = null;
      serial++;
    }
  };

  /** The texture the size of the drawing buffer (made again when the canvas is resized). */
  const target = (gl: WebGL2RenderingContext, width: number, height: number) => {
    if (drawn && drawn.width === width && drawn.height === height && texture) return;
    if (texture) gl.deleteTexture(texture);
    texture = gl.createTexture();
    gl.bindTexture(gl.TEXTURE_2D, texture);
    gl.texStorage2D(gl.TEXTURE_2D, 1, gl.RGBA8, width, height);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
    gl.bindFramebuffer(gl.FRAMEBUFFER, framebuffer);
    gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, texture, 0);
    drawn = null;
  };

  const drawDots = (gl: WebGL2RenderingContext, matrix: Float32Array, zoom: number, ratio: number) => {
    const radius = dotRadius(zoom);
    gl.useProgram(program);
    gl.uniformMatrix4fv(uniform(gl, program!, "u_matrix"), false, matrix);
    gl.uniform3fv(uniform(gl, program!, "u_palette"), PALETTE);
    gl.uniform3fv(uniform(gl, program!, "u_ringColor"), RING_COLOR);
    gl.uniform1f(uniform(gl, program!, "u_outline"), DOT_OUTLINE * ratio);
    gl.uniform1f(uniform(gl, program!, "u_ringWidth"), RING_WIDTH * ratio);
    // The sprite is a square of whole pixels around the disc (or the ring), a pixel to spare.
    const draw = (ring: boolean, outer: number, count: number, offset: number) => {
      if (count === 0) return;
      gl.uniform1i(uniform(gl, program!, "u_ring"), ring ? 1 : 0);
      gl.uniform1f(uniform(gl, program!, "u_radius"), (ring ? outer : radius) * ratio);
      gl.uniform1f(uniform(gl, program!, "u_size"), 2 * Math.ceil(outer * ratio + 1));
      gl.drawElements(gl.POINTS, count, gl.UNSIGNED_INT, offset * 4);
    };
    gl.bindVertexArray(vao);
    draw(true, radius + RING_GAP, ringCount, 0);
    draw(false, radius + DOT_OUTLINE, dotCount, ringCount);
  };

  return {
    id: LAYER.pointDots,
    type: "custom",
    renderingMode: "2d",
    onAdd(added: MapLibreMap, gl: WebGL2RenderingContext) {
      map = added;
      program = link(gl, VERTEX_SHADER, FRAGMENT_SHADER);
      composite = link(gl, COMPOSITE_VERTEX_SHADER, COMPOSITE_FRAGMENT_SHADER);
      positionBuffer = gl.createBuffer();
      codeBuffer = gl.createBuffer();
      indexBuffer = gl.createBuffer();
      framebuffer = gl.createFramebuffer();
      vao = gl.createVertexArray();
      gl.bindVertexArray(vao);
      gl.bindBuffer(gl.ARRAY_BUFFER, positionBuffer);
      gl.enableVertexAttribArray(0);
      gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 0, 0);
      gl.bindBuffer(gl.ARRAY_BUFFER, codeBuffer);
      gl.enableVertexAttribArray(1);
      gl.vertexAttribPointer(1, 1, gl.UNSIGNED_BYTE, false, 0, 0);
      gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, indexBuffer);
      emptyVao = gl.createVertexArray();
      gl.bindVertexArray(null);
    },
    onRemove(_removed: MapLibreMap, gl: WebGL2RenderingContext) {
      gl.deleteVertexArray(vao);
      gl.deleteVertexArray(emptyVao);
      for (const buffer of [positionBuffer, codeBuffer, indexBuffer]) gl.deleteBuffer(buffer);
      gl.deleteTexture(texture);
      gl.deleteFramebuffer(framebuffer);
      gl.deleteProgram(program);
      gl.deleteProgram(composite);
      map = null;
      texture = null;
      drawn = null;
      uniforms.clear();
    },
    setPositions(positions) {
      pendingPositions = positions;
      map?.triggerRepaint();
    },
    setStyle(style) {
      pendingStyle = style;
      map?.triggerRepaint();
    },
    prerender(gl: WebGL2RenderingContext, options: CustomRenderMethodInput) {
      showing = false;
      if (!map || !program || !composite) return;
      upload(gl);
      const zoom = map.getZoom();
      if (zoom >= DOTS_BELOW_ZOOM || dotCount + ringCount === 0) return;
      const width = gl.drawingBufferWidth;
      const height = gl.drawingBufferHeight;
      const ratio = map.getPixelRatio();
      const matrix = Float32Array.from(options.defaultProjectionData.mainMatrix);
      showing = true;
      target(gl, width, height);
      if (drawn && drawn.serial === serial && drawn.zoom === zoom && drawn.ratio === ratio && drawn.matrix.every((value, k) => value === matrix[k])) return;
      gl.bindFramebuffer(gl.FRAMEBUFFER, framebuffer);
      gl.viewport(0, 0, width, height);
      gl.disable(gl.DEPTH_TEST);
      gl.disable(gl.STENCIL_TEST);
      gl.disable(gl.BLEND);
      gl.colorMask(true, true, true, true);
      gl.clearColor(0, 0, 0, 0);
      gl.clear(gl.COLOR_BUFFER_BIT);
      // Opaque pixels, drawn in order: the last dot drawn on a pixel is the one shown.
      drawDots(gl, matrix, zoom, ratio);
      gl.bindVertexArray(null);
      gl.bindFramebuffer(gl.FRAMEBUFFER, null);
      drawn = { matrix, width, height, zoom, ratio, serial };
    },
    render(gl: WebGL2RenderingContext) {
      if (!showing || !composite || !texture) return;
      // The map's blending (premultiplied alpha) over the map drawn so far: the texture's pixels are opaque or empty.
      gl.useProgram(composite);
      gl.disable(gl.DEPTH_TEST);
      gl.disable(gl.STENCIL_TEST);
      gl.activeTexture(gl.TEXTURE0);
      gl.bindTexture(gl.TEXTURE_2D, texture);
      gl.uniform1i(uniform(gl, composite, "u_dots"), 0);
      gl.bindVertexArray(emptyVao);
      gl.drawArrays(gl.TRIANGLES, 0, 3);
      gl.bindVertexArray(null);
    },
  };
}
