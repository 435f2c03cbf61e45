import type { ProductArt } from './catalogue';

/**
 * Product illustrations for the demo photos, as SVG fragments. Each drawing uses local
 * coordinates: x = 0 is the product's centre line, y = 0 is the table it stands on and the
 * product grows upwards (negative y). The photo composer scales and places it.
 */
export interface Art {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  /** Where visible defects go, in local coordinates: the first defect on the first spot, etc. */
  readonly hotspots: readonly (readonly [number, number])[];
}

export interface Palette {
  readonly body: string;
  readonly accent: string;
}

function channel(hex: string, i: number): number {
  return parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16);
}

/** Mixes two #rrggbb colours; t = 0 gives `a`, 1 gives `b`. */
export function mix(a: string, b: string, t: number): string {
  const out = [0, 1, 2].map((i) => Math.round(channel(a, i) + (channel(b, i) - channel(a, i)) * t));
  return `#${out.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

export const lighten = (hex: string, t: number) => mix(hex, '#ffffff', t);
export const darken = (hex: string, t: number) => mix(hex, '#000000', t);

/** A left-to-right shading, light from the upper left like a softbox. */
function shade(id: string, base: string, spread = 0.28): string {
  return `<linearGradient id="${id}" x1="0" y1="0" x2="1" y2="0.25">
    <stop offset="0" stop-color="${lighten(base, spread)}"/>
    <stop offset="0.45" stop-color="${base}"/>
    <stop offset="1" stop-color="${darken(base, spread)}"/></linearGradient>`;
}

function vshade(id: string, base: string, spread = 0.25): string {
  return `<linearGradient id="${id}" x1="0" y1="0" x2="0" y2="1">
    <stop offset="0" stop-color="${lighten(base, spread)}"/>
    <stop offset="1" stop-color="${darken(base, spread)}"/></linearGradient>`;
}

const metal = (id: string) => shade(id, '#b8bdc4', 0.45);

function headphones(p: string, c: Palette): Art {
  const body = c.body;
  const cushion = darken(body, 0.35);
  return {
    width: 330,
    height: 350,
    hotspots: [
      [-142, -95],
      [128, -210],
      [0, -330],
    ],
    svg: `<defs>${shade(`${p}b`, body)}${metal(`${p}m`)}${vshade(`${p}c`, cushion, 0.15)}</defs>
    <path d="M -128 -190 C -140 -370, 140 -370, 128 -190" fill="none" stroke="${darken(body, 0.1)}" stroke-width="24" stroke-linecap="round"/>
    <path d="M -112 -196 C -122 -350, 122 -350, 112 -196" fill="none" stroke="${cushion}" stroke-width="12" stroke-linecap="round"/>
    <path d="M -124 -250 C -120 -340, 120 -340, 124 -250" fill="none" stroke="${lighten(body, 0.25)}" stroke-width="3" opacity="0.6"/>
    <rect x="-140" y="-232" width="20" height="70" rx="6" fill="url(#${p}m)"/>
    <rect x="120" y="-232" width="20" height="70" rx="6" fill="url(#${p}m)"/>
    <rect x="-186" y="-178" width="74" height="176" rx="37" fill="url(#${p}b)"/>
    <rect x="112" y="-178" width="74" height="176" rx="37" fill="url(#${p}b)"/>
    <rect x="-118" y="-166" width="30" height="152" rx="15" fill="url(#${p}c)"/>
    <rect x="88" y="-166" width="30" height="152" rx="15" fill="url(#${p}c)"/>
    <rect x="-176" y="-150" width="8" height="110" rx="4" fill="${lighten(body, 0.3)}" opacity="0.55"/>
    <circle cx="165" cy="-40" r="5" fill="${c.accent}"/>
    <rect x="-190" y="-120" width="6" height="40" rx="3" fill="${c.accent}"/>`,
  };
}

function earbuds(p: string, c: Palette): Art {
  const bud = (x: number, y: number, r: number) => `<g transform="translate(${x} ${y}) rotate(${r})">
      <rect x="-10" y="-6" width="20" height="78" rx="10" fill="url(#${p}b)"/>
      <ellipse cx="0" cy="-12" rx="30" ry="26" fill="url(#${p}b)"/>
      <ellipse cx="-8" cy="-14" rx="13" ry="11" fill="${darken(c.body, 0.45)}"/>
      <rect x="-6" y="62" width="12" height="8" rx="3" fill="#9aa0a6"/></g>`;
  return {
    width: 380,
    height: 190,
    hotspots: [
      [-40, -120],
      [130, -60],
    ],
    svg: `<defs>${shade(`${p}b`, c.body, 0.12)}${vshade(`${p}v`, c.body, 0.1)}</defs>
    <rect x="-170" y="-180" width="230" height="180" rx="72" fill="url(#${p}b)"/>
    <path d="M -170 -118 L 60 -118" stroke="${darken(c.body, 0.18)}" stroke-width="2.5"/>
    <rect x="-150" y="-170" width="190" height="30" rx="15" fill="#ffffff" opacity="0.55"/>
    <circle cx="-55" cy="-80" r="5" fill="${c.accent}"/>
    <rect x="-70" y="-4" width="30" height="4" rx="2" fill="${darken(c.body, 0.3)}"/>
    ${bud(120, -95, -18)}${bud(185, -80, 14)}`,
  };
}

function coffeeMachine(p: string, c: Palette): Art {
  return {
    width: 300,
    height: 390,
    hotspots: [
      [40, -20],
      [130, -210],
    ],
    svg: `<defs>${shade(`${p}b`, c.body, 0.35)}${metal(`${p}m`)}
      <linearGradient id="${p}r" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#15171a"/><stop offset="1" stop-color="#3a3f46"/></linearGradient></defs>
    <rect x="-140" y="-372" width="170" height="22" rx="8" fill="${darken(c.body, 0.45)}"/>
    <rect x="-150" y="-360" width="300" height="360" rx="20" fill="url(#${p}b)"/>
    <rect x="-126" y="-336" width="252" height="84" rx="12" fill="#1c1f23"/>
    <rect x="-66" y="-324" width="132" height="40" rx="5" fill="#26313d"/>
    <circle cx="-40" cy="-304" r="9" fill="${c.accent}"/><circle cx="-12" cy="-304" r="9" fill="#d8dde3"/>
    <circle cx="16" cy="-304" r="9" fill="#d8dde3"/><circle cx="44" cy="-304" r="9" fill="#d8dde3"/>
    <circle cx="-98" cy="-294" r="11" fill="#3b4047"/><circle cx="98" cy="-294" r="11" fill="#3b4047"/>
    <rect x="-50" y="-274" width="100" height="8" rx="4" fill="#3b4047"/>
    <rect x="-104" y="-236" width="208" height="206" rx="14" fill="url(#${p}r)"/>
    <rect x="-40" y="-236" width="80" height="30" rx="8" fill="url(#${p}m)"/>
    <rect x="-22" y="-208" width="10" height="16" rx="3" fill="#6c737c"/><rect x="12" y="-208" width="10" height="16" rx="3" fill="#6c737c"/>
    <path d="M -36 -118 L 36 -118 L 30 -52 Q 0 -44 -30 -52 Z" fill="#f4f2ee"/>
    <path d="M 34 -106 C 56 -106, 56 -74, 32 -72" fill="none" stroke="#f4f2ee" stroke-width="8"/>
    <ellipse cx="0" cy="-118" rx="36" ry="6" fill="#6b4a33"/>
    <rect x="-112" y="-40" width="224" height="32" rx="8" fill="url(#${p}m)"/>
    ${[...Array(9).keys()].map((i) => `<rect x="${-92 + i * 21}" y="-34" width="10" height="8" rx="2" fill="#7d848c"/>`).join('')}
    <rect x="150" y="-250" width="12" height="150" rx="6" fill="url(#${p}m)"/>
    <rect x="-146" y="-340" width="10" height="300" rx="5" fill="#ffffff" opacity="0.25"/>`,
  };
}

function blender(p: string, c: Palette): Art {
  return {
    width: 270,
    height: 420,
    hotspots: [
      [-78, -360],
      [0, -70],
    ],
    svg: `<defs>${shade(`${p}b`, c.body, 0.3)}${metal(`${p}m`)}
      <linearGradient id="${p}g" x1="0" y1="0" x2="1" y2="0">
        <stop offset="0" stop-color="#ffffff" stop-opacity="0.85"/><stop offset="0.25" stop-color="#dfe8ee" stop-opacity="0.55"/>
        <stop offset="0.7" stop-color="#c7d3dc" stop-opacity="0.5"/><stop offset="1" stop-color="#a9b7c2" stop-opacity="0.7"/></linearGradient></defs>
    <path d="M -100 0 L 100 0 L 84 -130 L -84 -130 Z" fill="url(#${p}b)"/>
    <rect x="-96" y="-10" width="192" height="10" rx="4" fill="${darken(c.body, 0.3)}"/>
    <circle cx="0" cy="-68" r="30" fill="url(#${p}m)"/><circle cx="0" cy="-68" r="20" fill="#d6dadf"/>
    <rect x="-3" y="-90" width="6" height="18" rx="3" fill="${c.accent}"/>
    <circle cx="-58" cy="-68" r="8" fill="${c.accent}"/><circle cx="58" cy="-68" r="8" fill="#d6dadf"/>
    <rect x="-80" y="-150" width="160" height="22" rx="6" fill="${darken(c.body, 0.2)}"/>
    <path d="M -76 -150 L 76 -150 L 100 -384 L -100 -384 Z" fill="url(#${p}g)" stroke="#c4ced6" stroke-width="3"/>
    <path d="M 92 -330 C 150 -330, 150 -190, 84 -184" fill="none" stroke="${darken(c.body, 0.1)}" stroke-width="18" stroke-linecap="round"/>
    ${[0, 1, 2, 3, 4].map((i) => `<rect x="-86" y="${-200 - i * 36}" width="${i % 2 === 0 ? 22 : 14}" height="3" fill="#8ea1ae"/>`).join('')}
    <path d="M -40 -168 L 40 -160 M -36 -160 L 36 -170" stroke="#8f969e" stroke-width="6" stroke-linecap="round"/>
    <rect x="-6" y="-175" width="12" height="22" fill="#8f969e"/>
    <rect x="-108" y="-406" width="216" height="28" rx="9" fill="${darken(c.body, 0.05)}"/>
    <rect x="-30" y="-420" width="60" height="18" rx="6" fill="${c.accent}"/>
    <path d="M -60 -370 L -50 -170" stroke="#ffffff" stroke-width="8" opacity="0.55" stroke-linecap="round"/>`,
  };
}

function toothbrush(p: string, c: Palette): Art {
  return {
    width: 170,
    height: 450,
    hotspots: [
      [0, -270],
      [0, -120],
    ],
    svg: `<defs>${shade(`${p}b`, c.body, 0.18)}${shade(`${p}a`, c.accent, 0.2)}</defs>
    <ellipse cx="0" cy="-16" rx="70" ry="16" fill="${darken(c.body, 0.12)}"/>
    <rect x="-70" y="-44" width="140" height="30" rx="14" fill="url(#${p}b)"/>
    <rect x="-34" y="-340" width="68" height="310" rx="32" fill="url(#${p}b)"/>
    <rect x="-34" y="-190" width="68" height="14" fill="url(#${p}a)"/>
    <circle cx="0" cy="-250" r="13" fill="url(#${p}a)"/>
    <circle cx="0" cy="-250" r="5" fill="#ffffff" opacity="0.7"/>
    ${[0, 1, 2].map((i) => `<circle cx="${-12 + i * 12}" cy="-218" r="3" fill="${i === 0 ? c.accent : '#cfd6d3'}"/>`).join('')}
    <path d="M -14 -338 L 14 -338 L 9 -410 L -9 -410 Z" fill="url(#${p}b)"/>
    <rect x="-17" y="-452" width="34" height="52" rx="13" fill="url(#${p}b)"/>
    ${[0, 1, 2, 3, 4].map((i) => `<rect x="-11" y="${-446 + i * 9}" width="22" height="6" rx="3" fill="${i % 2 === 0 ? c.accent : '#ffffff'}"/>`).join('')}
    <rect x="-26" y="-320" width="8" height="260" rx="4" fill="#ffffff" opacity="0.7"/>`,
  };
}

function robotVacuum(p: string, c: Palette): Art {
  return {
    width: 420,
    height: 200,
    hotspots: [
      [0, -168],
      [-110, -118],
    ],
    svg: `<defs>
      <radialGradient id="${p}t" cx="0.4" cy="0.3" r="0.8"><stop offset="0" stop-color="${lighten(c.body, 0.22)}"/><stop offset="1" stop-color="${darken(c.body, 0.2)}"/></radialGradient>
      ${shade(`${p}s`, darken(c.body, 0.25), 0.2)}${vshade(`${p}l`, lighten(c.body, 0.1), 0.25)}</defs>
    <path d="M -205 -110 L -205 -50 A 205 58 0 0 0 205 -50 L 205 -110 Z" fill="url(#${p}s)"/>
    <path d="M -205 -70 A 205 58 0 0 0 205 -70" fill="none" stroke="${darken(c.body, 0.45)}" stroke-width="4"/>
    <ellipse cx="0" cy="-110" rx="205" ry="58" fill="url(#${p}t)"/>
    <ellipse cx="0" cy="-110" rx="180" ry="48" fill="none" stroke="${lighten(c.body, 0.15)}" stroke-width="2"/>
    <path d="M -52 -148 L -52 -176 A 52 15 0 0 1 52 -176 L 52 -148 A 52 15 0 0 1 -52 -148 Z" fill="url(#${p}l)"/>
    <ellipse cx="0" cy="-176" rx="52" ry="15" fill="${lighten(c.body, 0.18)}"/>
    <rect x="-52" y="-168" width="104" height="6" fill="${darken(c.body, 0.4)}"/>
    <rect x="-28" y="-92" width="56" height="16" rx="8" fill="${darken(c.body, 0.35)}"/>
    <circle cx="-12" cy="-84" r="4" fill="${c.accent}"/><circle cx="12" cy="-84" r="4" fill="#d0d4d8"/>
    <path d="M -150 -128 A 170 40 0 0 1 40 -150" fill="none" stroke="#ffffff" stroke-width="5" opacity="0.25" stroke-linecap="round"/>`,
  };
}

function ereader(p: string, c: Palette): Art {
  const lines = [148, 160, 152, 164, 140, 158, 126, 162, 150, 160, 88, 0, 156, 162, 146, 160, 118];
  return {
    width: 240,
    height: 340,
    hotspots: [
      [60, -60],
      [-70, -300],
    ],
    svg: `<defs>${shade(`${p}b`, c.body, 0.25)}
      <linearGradient id="${p}s" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#f1efe9"/><stop offset="1" stop-color="#dedbd3"/></linearGradient></defs>
    <g transform="rotate(-4 0 -170)">
    <rect x="-120" y="-340" width="240" height="330" rx="20" fill="url(#${p}b)"/>
    <rect x="-100" y="-318" width="200" height="262" rx="4" fill="url(#${p}s)"/>
    <rect x="-82" y="-300" width="96" height="9" rx="2" fill="#55585c"/>
    ${lines
      .map((w, i) =>
        w === 0
          ? ''
          : `<rect x="-82" y="${-280 + i * 12.5}" width="${w}" height="5" rx="1.5" fill="#8d8f92"/>`,
      )
      .join('')}
    <rect x="-10" y="-70" width="20" height="4" rx="2" fill="#9a9c9f"/>
    <rect x="-24" y="-40" width="48" height="6" rx="3" fill="${lighten(c.body, 0.2)}"/>
    <path d="M -112 -330 L -40 -330 L -112 -140 Z" fill="#ffffff" opacity="0.08"/>
    </g>`,
  };
}

function smartwatch(p: string, c: Palette): Art {
  return {
    width: 200,
    height: 430,
    hotspots: [
      [60, -290],
      [0, -170],
    ],
    svg: `<defs>${shade(`${p}b`, c.body, 0.4)}${vshade(`${p}s`, c.accent, 0.15)}
      <radialGradient id="${p}g" cx="0.35" cy="0.25" r="0.9"><stop offset="0" stop-color="#1d2230"/><stop offset="1" stop-color="#05070a"/></radialGradient></defs>
    <rect x="-58" y="-430" width="116" height="160" rx="22" fill="url(#${p}s)"/>
    <rect x="-58" y="-140" width="116" height="136" rx="22" fill="url(#${p}s)"/>
    ${[0, 1, 2, 3].map((i) => `<circle cx="0" cy="${-100 + i * 24}" r="5" fill="${darken(c.accent, 0.35)}"/>`).join('')}
    <rect x="-86" y="-320" width="172" height="196" rx="48" fill="url(#${p}b)"/>
    <rect x="-72" y="-306" width="144" height="168" rx="38" fill="url(#${p}g)"/>
    <rect x="84" y="-262" width="14" height="34" rx="5" fill="url(#${p}b)"/>
    <rect x="84" y="-200" width="10" height="22" rx="4" fill="${darken(c.body, 0.2)}"/>
    <text x="0" y="-212" text-anchor="middle" font-family="Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif" font-size="46" font-weight="300" fill="#f5f7fa">10:09</text>
    <circle cx="-30" cy="-172" r="13" fill="none" stroke="#ff5a5f" stroke-width="5" stroke-dasharray="60 30"/>
    <circle cx="0" cy="-172" r="13" fill="none" stroke="#5ee37c" stroke-width="5" stroke-dasharray="45 40"/>
    <circle cx="30" cy="-172" r="13" fill="none" stroke="#4cc3ff" stroke-width="5" stroke-dasharray="70 20"/>
    <text x="0" y="-272" text-anchor="middle" font-family="Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif" font-size="13" fill="#9aa5b1">TUE 14</text>
    <path d="M -70 -296 Q -40 -310 10 -306 L -70 -200 Z" fill="#ffffff" opacity="0.06"/>`,
  };
}

function hairDryer(p: string, c: Palette): Art {
  return {
    width: 390,
    height: 340,
    hotspots: [
      [-150, -275],
      [-20, -300],
    ],
    svg: `<defs>${vshade(`${p}b`, c.body, 0.3)}${shade(`${p}h`, c.body, 0.3)}${vshade(`${p}a`, c.accent, 0.3)}</defs>
    <path d="M -10 -40 C 40 10, 120 0, 190 -6" fill="none" stroke="#2a2c30" stroke-width="8" stroke-linecap="round"/>
    <g transform="rotate(14 -40 -220)">
      <rect x="-78" y="-240" width="68" height="230" rx="30" fill="url(#${p}h)"/>
      <rect x="-60" y="-190" width="16" height="30" rx="5" fill="${c.accent}"/>
      <rect x="-60" y="-150" width="16" height="30" rx="5" fill="${lighten(c.body, 0.3)}"/>
      <rect x="-58" y="-30" width="28" height="30" rx="8" fill="${darken(c.body, 0.3)}"/>
    </g>
    <rect x="-180" y="-340" width="290" height="124" rx="60" fill="url(#${p}b)"/>
    <ellipse cx="-172" cy="-278" rx="26" ry="58" fill="${darken(c.body, 0.3)}"/>
    ${[0, 1, 2, 3, 4].map((i) => `<rect x="-186" y="${-316 + i * 16}" width="26" height="6" rx="3" fill="${darken(c.body, 0.55)}"/>`).join('')}
    <path d="M 100 -330 L 190 -312 L 190 -244 L 100 -226 Z" fill="url(#${p}a)"/>
    <rect x="186" y="-314" width="10" height="72" rx="4" fill="${darken(c.accent, 0.3)}"/>
    <rect x="-150" y="-332" width="220" height="18" rx="9" fill="#ffffff" opacity="0.22"/>
    <rect x="40" y="-300" width="24" height="6" rx="3" fill="${c.accent}"/>`,
  };
}

function speaker(p: string, c: Palette): Art {
  return {
    width: 200,
    height: 360,
    hotspots: [
      [-20, -200],
      [10, -28],
    ],
    svg: `<defs>${shade(`${p}b`, c.body, 0.3)}${shade(`${p}r`, c.accent, 0.25)}
      <pattern id="${p}f" width="9" height="9" patternUnits="userSpaceOnUse"><circle cx="4.5" cy="4.5" r="1.8" fill="#000000" opacity="0.22"/></pattern></defs>
    <path d="M 86 -300 C 130 -300, 130 -230, 86 -230" fill="none" stroke="${c.accent}" stroke-width="12"/>
    <rect x="-95" y="-340" width="190" height="340" rx="44" fill="url(#${p}b)"/>
    <rect x="-95" y="-300" width="190" height="250" fill="url(#${p}f)"/>
    <rect x="-95" y="-340" width="190" height="50" rx="24" fill="url(#${p}r)"/>
    <rect x="-95" y="-40" width="190" height="40" rx="18" fill="url(#${p}r)"/>
    <text x="-40" y="-307" text-anchor="middle" font-family="Helvetica, Arial, sans-serif" font-size="26" font-weight="700" fill="#d5dbe0">−</text>
    <text x="40" y="-306" text-anchor="middle" font-family="Helvetica, Arial, sans-serif" font-size="26" font-weight="700" fill="#d5dbe0">+</text>
    <circle cx="0" cy="-315" r="9" fill="none" stroke="#d5dbe0" stroke-width="3"/>
    <rect x="-26" y="-180" width="52" height="14" rx="7" fill="${darken(c.accent, 0.1)}" opacity="0.85"/>
    <rect x="-80" y="-290" width="14" height="230" rx="7" fill="#ffffff" opacity="0.16"/>`,
  };
}

function kitchenScale(p: string, c: Palette): Art {
  return {
    width: 420,
    height: 150,
    hotspots: [
      [110, -80],
      [-120, -100],
    ],
    svg: `<defs>
      <linearGradient id="${p}t" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${lighten(c.body, 0.6)}"/><stop offset="0.6" stop-color="${c.body}"/><stop offset="1" stop-color="${darken(c.body, 0.12)}"/></linearGradient>
      ${vshade(`${p}f`, darken(c.body, 0.12), 0.1)}</defs>
    <path d="M -210 -40 L 210 -40 L 170 -140 L -170 -140 Z" fill="url(#${p}t)" stroke="${darken(c.body, 0.15)}" stroke-width="2"/>
    <path d="M -210 -40 L 210 -40 L 210 -10 Q 210 0 200 0 L -200 0 Q -210 0 -210 -10 Z" fill="url(#${p}f)"/>
    <rect x="-70" y="-34" width="110" height="26" rx="4" fill="${c.accent}"/>
    <text x="30" y="-14" text-anchor="end" font-family="'DejaVu Sans Mono', 'Courier New', monospace" font-size="19" fill="#9fe6a0">0 g</text>
    <circle cx="80" cy="-21" r="8" fill="${darken(c.body, 0.25)}"/><circle cx="110" cy="-21" r="8" fill="${darken(c.body, 0.25)}"/>
    <path d="M -150 -130 L -40 -130 L -110 -50 L -190 -50 Z" fill="#ffffff" opacity="0.35"/>`,
  };
}

function kettle(p: string, c: Palette): Art {
  return {
    width: 320,
    height: 320,
    hotspots: [
      [-70, -230],
      [30, -120],
    ],
    svg: `<defs>${shade(`${p}b`, c.body, 0.45)}${vshade(`${p}a`, c.accent, 0.2)}
      <linearGradient id="${p}w" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#cfe6f4" stop-opacity="0.6"/><stop offset="1" stop-color="#5aa3d0" stop-opacity="0.9"/></linearGradient></defs>
    <rect x="-130" y="-26" width="260" height="26" rx="10" fill="url(#${p}a)"/>
    <path d="M 92 -262 C 186 -262, 186 -70, 104 -60" fill="none" stroke="${c.accent}" stroke-width="24" stroke-linecap="round"/>
    <path d="M -92 -240 L -160 -268 L -150 -246 L -98 -196 Z" fill="${darken(c.body, 0.15)}"/>
    <path d="M -112 -28 L 112 -28 L 96 -270 Q 0 -292 -96 -270 Z" fill="url(#${p}b)"/>
    <ellipse cx="0" cy="-276" rx="84" ry="13" fill="${darken(c.body, 0.25)}"/>
    <rect x="-20" y="-298" width="40" height="22" rx="8" fill="${c.accent}"/>
    <rect x="40" y="-230" width="22" height="160" rx="11" fill="url(#${p}w)"/>
    ${[0, 1, 2].map((i) => `<rect x="46" y="${-200 + i * 40}" width="10" height="2" fill="#ffffff" opacity="0.8"/>`).join('')}
    <rect x="-80" y="-250" width="14" height="200" rx="7" fill="#ffffff" opacity="0.35"/>`,
  };
}

function toaster(p: string, c: Palette): Art {
  return {
    width: 380,
    height: 260,
    hotspots: [
      [-140, -120],
      [60, -90],
    ],
    svg: `<defs>${shade(`${p}b`, c.body, 0.45)}${vshade(`${p}t`, lighten(c.body, 0.2), 0.2)}</defs>
    <rect x="-150" y="-10" width="30" height="10" rx="3" fill="#2b2d31"/><rect x="120" y="-10" width="30" height="10" rx="3" fill="#2b2d31"/>
    <rect x="170" y="-150" width="22" height="44" rx="6" fill="${c.accent}"/>
    <rect x="-180" y="-230" width="360" height="222" rx="50" fill="url(#${p}b)"/>
    <path d="M -160 -226 Q 0 -262 160 -226 L 150 -206 Q 0 -236 -150 -206 Z" fill="url(#${p}t)"/>
    <rect x="-118" y="-236" width="236" height="9" rx="4.5" fill="#1f2124"/>
    <rect x="-118" y="-220" width="236" height="9" rx="4.5" fill="#1f2124"/>
    <rect x="-120" y="-96" width="240" height="58" rx="14" fill="${c.accent}"/>
    <circle cx="-78" cy="-67" r="18" fill="#d7dadf"/><rect x="-80" y="-84" width="4" height="14" fill="#2a2d31"/>
    ${[0, 1, 2].map((i) => `<rect x="${-36 + i * 42}" y="-76" width="30" height="16" rx="6" fill="#4a4e55"/>`).join('')}
    <rect x="-164" y="-200" width="14" height="170" rx="7" fill="#ffffff" opacity="0.3"/>`,
  };
}

function deskLamp(p: string, c: Palette): Art {
  return {
    width: 360,
    height: 400,
    hotspots: [
      [10, -26],
      [-60, -300],
    ],
    svg: `<defs>${shade(`${p}b`, c.body, 0.22)}
      <linearGradient id="${p}l" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#ffe9a8" stop-opacity="0.55"/><stop offset="0.7" stop-color="#fff3cf" stop-opacity="0.12"/><stop offset="1" stop-color="#fff3cf" stop-opacity="0"/></linearGradient></defs>
    <path d="M -176 -330 L -28 -300 L 70 -24 L -250 -24 Z" fill="url(#${p}l)"/>
    <ellipse cx="10" cy="-14" rx="110" ry="18" fill="${darken(c.body, 0.12)}"/>
    <rect x="-100" y="-40" width="220" height="30" rx="14" fill="url(#${p}b)"/>
    <circle cx="10" cy="-26" r="9" fill="none" stroke="${c.accent}" stroke-width="2.5"/>
    <line x1="80" y1="-36" x2="120" y2="-230" stroke="${c.body}" stroke-width="16" stroke-linecap="round"/>
    <line x1="80" y1="-36" x2="120" y2="-230" stroke="${darken(c.body, 0.15)}" stroke-width="4" stroke-linecap="round" transform="translate(6 0)"/>
    <line x1="120" y1="-230" x2="-60" y2="-320" stroke="${c.body}" stroke-width="14" stroke-linecap="round"/>
    <circle cx="120" cy="-230" r="14" fill="${c.accent}"/><circle cx="80" cy="-36" r="12" fill="${c.accent}"/>
    <g transform="rotate(12 -100 -330)">
      <rect x="-190" y="-352" width="180" height="34" rx="14" fill="url(#${p}b)"/>
      <rect x="-176" y="-322" width="152" height="8" rx="4" fill="#fffbe8"/>
    </g>`,
  };
}

export function drawProduct(art: ProductArt, prefix: string, palette: Palette): Art {
  switch (art) {
    case 'headphones':
      return headphones(prefix, palette);
    case 'earbuds':
      return earbuds(prefix, palette);
    case 'coffee_machine':
      return coffeeMachine(prefix, palette);
    case 'blender':
      return blender(prefix, palette);
    case 'toothbrush':
      return toothbrush(prefix, palette);
    case 'robot_vacuum':
      return robotVacuum(prefix, palette);
    case 'ereader':
      return ereader(prefix, palette);
    case 'smartwatch':
      return smartwatch(prefix, palette);
    case 'hair_dryer':
      return hairDryer(prefix, palette);
    case 'speaker':
      return speaker(prefix, palette);
    case 'kitchen_scale':
      return kitchenScale(prefix, palette);
    case 'kettle':
      return kettle(prefix, palette);
    case 'toaster':
      return toaster(prefix, palette);
    case 'desk_lamp':
      return deskLamp(prefix, palette);
  }
}
