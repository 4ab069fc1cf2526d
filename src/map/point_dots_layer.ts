/**
 * The dense points' dots as one MapLibre custom layer drawn by the GPU: one point sprite per visible point (a disc in
 * its code's colour with a white outline; a dark ring under the listed ones), from the positions uploaded once per
 * analysis. A filter change uploads the codes and the drawing order (point_dots.ts) and asks for one frame: no tile is
 * rasterised or fetched, so the map shows the new filter in the next frame.
 *
 * Uploads happen inside `render`, where MapLibre expects the GL state to change (it resets its own afterwards); the
 * layer never touches the context outside `onAdd`, `render` and `onRemove`.
 */
import type { CustomLayerInterface, CustomRenderMethodInput, Map as MapLibreMap } from "maplibre-gl";
import { DOTS_BELOW_ZOOM, LAYER } from "./layers.ts";
import { DOT_OUTLINE, DOT_PALETTE, LISTED_RING_RGB, RING_GAP, RING_WIDTH, dotRadius, type DotStyle } from "./point_dots.ts";

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

function compile(gl: WebGL2RenderingContext, type: number, source: string): WebGLShader {
  const shader = gl.createShader(type)!;
  gl.shaderSource(shader, source);
  gl.compileShader(shader);
  return shader;
}

/** The custom layer, with what MapView sets on it. */
export interface PointDotsLayer extends CustomLayerInterface {
  /** The points of a new analysis (null: none drawn). */
  setPositions(positions: Float32Array | null): void;
  /** How the points are drawn from now on (asks for a frame). */
  setStyle(style: DotStyle): void;
}

/**
 * Creates the layer (add it once, when the map loads: its shaders are compiled then, not during an import).
 * @returns the layer
 */
export function createPointDotsLayer(): PointDotsLayer {
  let map: MapLibreMap | null = null;
  let gl: WebGL2RenderingContext | null = null;
  let program: WebGLProgram | null = null;
  let vao: WebGLVertexArrayObject | null = null;
  let positionBuffer: WebGLBuffer | null = null;
  let codeBuffer: WebGLBuffer | null = null;
  let indexBuffer: WebGLBuffer | null = null;
  const uniforms = new Map<string, WebGLUniformLocation | null>();
  /** What to upload at the next render. */
  let pendingPositions: Float32Array | null | undefined;
  let pendingStyle: DotStyle | null = null;
  let pointCount = 0;
  let dotCount = 0;
  let ringCount = 0;
  const uniform = (name: string) => {
    if (!uniforms.has(name)) uniforms.set(name, gl!.getUniformLocation(program!, name));
    return uniforms.get(name)!;
  };

  const upload = (context: WebGL2RenderingContext) => {
    if (pendingPositions !== undefined) {
      const positions = pendingPositions ?? new Float32Array(0);
      context.bindBuffer(context.ARRAY_BUFFER, positionBuffer);
      context.bufferData(context.ARRAY_BUFFER, positions, context.STATIC_DRAW);
      pointCount = positions.length / 2;
      pendingPositions = undefined;
      // Codes of another analysis mean nothing for these points.
      dotCount = 0;
      ringCount = 0;
    }
    if (pendingStyle && pendingStyle.codes.length === pointCount) {
      context.bindBuffer(context.ARRAY_BUFFER, codeBuffer);
      context.bufferData(context.ARRAY_BUFFER, pendingStyle.codes, context.DYNAMIC_DRAW);
      // One element buffer: the rings' indices, then the dots' (both drawn from the same vertices).
      const indices = new Uint32Array(pendingStyle.rings.length + pendingStyle.dots.length);
      indices.set(pendingStyle.rings, 0);
      indices.set(pendingStyle.dots, pendingStyle.rings.length);
      context.bindBuffer(context.ELEMENT_ARRAY_BUFFER, indexBuffer);
      context.bufferData(context.ELEMENT_ARRAY_BUFFER, indices, context.DYNAMIC_DRAW);
      ringCount = pendingStyle.rings.length;
      dotCount = pendingStyle.dots.length;
      pendingStyle = null;
    }
  };

  return {
    id: LAYER.pointDots,
    type: "custom",
    renderingMode: "2d",
    onAdd(added: MapLibreMap, context: WebGL2RenderingContext) {
      map = added;
      gl = context;
      program = context.createProgram();
      context.attachShader(program, compile(context, context.VERTEX_SHADER, VERTEX_SHADER));
      context.attachShader(program, compile(context, context.FRAGMENT_SHADER, FRAGMENT_SHADER));
      context.linkProgram(program);
      // Asked once, at the map's start-up: a shader this context cannot run draws no dots, and says why in the console.
      if (!context.getProgramParameter(program, context.LINK_STATUS)) {
        console.error(`point dots: ${context.getProgramInfoLog(program)}`);
        context.deleteProgram(program);
        program = null;
        return;
      }
      positionBuffer = context.createBuffer();
      codeBuffer = context.createBuffer();
      indexBuffer = context.createBuffer();
      vao = context.createVertexArray();
      context.bindVertexArray(vao);
      context.bindBuffer(context.ARRAY_BUFFER, positionBuffer);
      context.enableVertexAttribArray(0);
      context.vertexAttribPointer(0, 2, context.FLOAT, false, 0, 0);
      context.bindBuffer(context.ARRAY_BUFFER, codeBuffer);
      context.enableVertexAttribArray(1);
      context.vertexAttribPointer(1, 1, context.UNSIGNED_BYTE, false, 0, 0);
      context.bindBuffer(context.ELEMENT_ARRAY_BUFFER, indexBuffer);
      context.bindVertexArray(null);
    },
    onRemove(_removed: MapLibreMap, context: WebGL2RenderingContext) {
      context.deleteVertexArray(vao);
      for (const buffer of [positionBuffer, codeBuffer, indexBuffer]) context.deleteBuffer(buffer);
      context.deleteProgram(program);
      map = null;
      gl = null;
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
    render(context: WebGL2RenderingContext, options: CustomRenderMethodInput) {
      if (!map || !program) return;
      context.bindVertexArray(vao);
      upload(context);
      const zoom = map.getZoom();
      if (zoom < DOTS_BELOW_ZOOM && dotCount + ringCount > 0) {
        const ratio = map.getPixelRatio();
        const radius = dotRadius(zoom);
        context.useProgram(program);
        context.disable(context.DEPTH_TEST);
        context.disable(context.STENCIL_TEST);
        context.uniformMatrix4fv(uniform("u_matrix"), false, Float32Array.from(options.defaultProjectionData.mainMatrix));
        context.uniform3fv(uniform("u_palette"), Float32Array.from(DOT_PALETTE.flatMap((rgb) => rgb.map((channel) => channel / 255))));
        context.uniform3fv(uniform("u_ringColor"), Float32Array.from(LISTED_RING_RGB.map((channel) => channel / 255)));
        context.uniform1f(uniform("u_outline"), DOT_OUTLINE * ratio);
        context.uniform1f(uniform("u_ringWidth"), RING_WIDTH * ratio);
        // The sprite is a square of whole pixels around the disc (or the ring), a pixel to spare.
        const draw = (ring: boolean, outer: number, count: number, offset: number) => {
          if (count === 0) return;
          context.uniform1i(uniform("u_ring"), ring ? 1 : 0);
          context.uniform1f(uniform("u_radius"), (ring ? outer : radius) * ratio);
          context.uniform1f(uniform("u_size"), 2 * Math.ceil(outer * ratio + 1));
          context.drawElements(context.POINTS, count, context.UNSIGNED_INT, offset * 4);
        };
        draw(true, radius + RING_GAP, ringCount, 0);
        draw(false, radius + DOT_OUTLINE, dotCount, ringCount);
      }
      context.bindVertexArray(null);
    },
  };
}
