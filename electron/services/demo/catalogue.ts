import type { Role } from '../../../shared/domain/status';
import { withEan13CheckDigit } from './ean';

/**
 * The demo's sample merchant, its people and its catalogue. Everything is fictional (brands,
 * company, addresses) but written the way a real shop's data looks, because the demo is where a
 * new user judges whether Rebound understands their job.
 */
export const DEMO_MERCHANT = {
  name: 'Larkfield Home & Tech',
  currency: 'EUR',
  // An Irish e-shop: EUR and English, so every note the staff typed reads naturally in the demo.
  language: 'en',
  returnWindowDays: 30,
  address: 'Unit 7, Kilshane Business Park, Kilshane Road, Dublin 11, D11 K7P2, Ireland',
} as const;

export interface DemoProfile {
  readonly key: 'staff' | 'approver' | 'bookkeeper' | 'admin';
  readonly name: string;
  readonly role: Role;
  /** Approvers act for one merchant. */
  readonly forMerchant: boolean;
  /** Documented in the README and shown on the demo's sign-in page: the demo is for trying. */
  readonly password: string;
}

export const DEMO_PROFILES: readonly DemoProfile[] = [
  { key: 'staff', name: 'Lea Brandt', role: 'staff', forMerchant: false, password: 'staff-demo' },
  { key: 'approver', name: 'Siobhán Kelly', role: 'approver', forMerchant: true, password: 'approver-demo' },
  {
    key: 'bookkeeper',
    name: 'Martin Vogel',
    role: 'bookkeeper',
    forMerchant: false,
    password: 'bookkeeper-demo',
  },
  { key: 'admin', name: 'Nadia Okafor', role: 'admin', forMerchant: false, password: 'admin-demo' },
];

/** Which illustration the photo generator draws for a product. */
export const PRODUCT_ART = [
  'headphones',
  'earbuds',
  'coffee_machine',
  'blender',
  'toothbrush',
  'robot_vacuum',
  'ereader',
  'smartwatch',
  'hair_dryer',
  'speaker',
  'kitchen_scale',
  'kettle',
  'toaster',
  'desk_lamp',
] as const;
export type ProductArt = (typeof PRODUCT_ART)[number];

export interface DemoProduct {
  readonly key: string;
  readonly sku: string;
  readonly ean: string;
  readonly brand: string;
  readonly model: string;
  readonly title: string;
  readonly description: string;
  readonly originalCents: number;
  readonly accessories: readonly string[];
  /** Large or heavy goods ship at a higher rate. */
  readonly bulky: boolean;
  readonly art: ProductArt;
  /** Main body colour and accent colour of the illustration, as #rrggbb. */
  readonly colours: { readonly body: string; readonly accent: string };
}

type ProductSeed = Omit<DemoProduct, 'ean'> & { readonly ean12: string };

const PRODUCTS: readonly ProductSeed[] = [
  {
    key: 'drift-black',
    sku: 'AUR-DR700-BK',
    ean12: '539101347702',
    brand: 'Auralis',
    model: 'DR-700',
    title: 'Auralis Drift ANC wireless over-ear headphones, black',
    description:
      'Over-ear Bluetooth 5.3 headphones with hybrid active noise cancelling, up to 40 hours of battery and USB-C fast charging (10 minutes for 5 hours). Folds flat into the hard carry case.',
    originalCents: 19900,
    accessories: ['carry case', 'USB-C cable', '3.5 mm audio cable', 'flight adapter', 'quick start guide'],
    bulky: false,
    art: 'headphones',
    colours: { body: '#2b2e33', accent: '#c9a66b' },
  },
  {
    key: 'drift-sand',
    sku: 'AUR-DR700-SD',
    ean12: '539101347719',
    brand: 'Auralis',
    model: 'DR-700',
    title: 'Auralis Drift ANC wireless over-ear headphones, sand',
    description:
      'Over-ear Bluetooth 5.3 headphones with hybrid active noise cancelling, up to 40 hours of battery and USB-C fast charging (10 minutes for 5 hours). Folds flat into the hard carry case.',
    originalCents: 19900,
    accessories: ['carry case', 'USB-C cable', '3.5 mm audio cable', 'flight adapter', 'quick start guide'],
    bulky: false,
    art: 'headphones',
    colours: { body: '#d8cbb5', accent: '#8a7458' },
  },
  {
    key: 'pods',
    sku: 'AUR-AP220-WH',
    ean12: '539101348204',
    brand: 'Auralis',
    model: 'AP-220',
    title: 'Auralis Pods 2 noise-cancelling wireless earbuds, white',
    description:
      'True wireless earbuds with active noise cancelling and transparency mode, IPX4 splash resistance, 7 hours of playback plus 21 hours from the charging case.',
    originalCents: 8999,
    accessories: ['USB-C cable', 'ear tips (S and L)', 'quick start guide'],
    bulky: false,
    art: 'earbuds',
    colours: { body: '#f3f3f1', accent: '#4a90c2' },
  },
  {
    key: 'bello',
    sku: 'CAF-CB2210-SL',
    ean12: '800741220108',
    brand: 'Cafferia',
    model: 'CB-2210',
    title: 'Cafferia Bello 2 bean-to-cup coffee machine with milk frother, silver',
    description:
      'Fully automatic espresso machine with a ceramic conical grinder, 15 bar pump, 1.8 l removable water tank and a steam wand for milk. Six one-touch drinks on a colour display.',
    originalCents: 44900,
    accessories: ['milk jug', 'water filter', 'measuring spoon', 'descaling tablets', 'manual'],
    bulky: true,
    art: 'coffee_machine',
    colours: { body: '#b9bec5', accent: '#b5332e' },
  },
  {
    key: 'powerblend',
    sku: 'KIT-PB1200-GR',
    ean12: '406391250017',
    brand: 'Kitchora',
    model: 'PB-1200',
    title: 'Kitchora PowerBlend 1200 high-speed blender, 2 l, graphite',
    description:
      '1200 W blender with a 2 l BPA-free jar, six stainless steel blades, pulse and three programmes (smoothie, ice crush, soup). Jar and blades are dishwasher safe.',
    originalCents: 12999,
    accessories: ['tamper', '2 travel cups with lids', 'recipe booklet', 'manual'],
    bulky: true,
    art: 'blender',
    colours: { body: '#3a3d42', accent: '#e0813a' },
  },
  {
    key: 'glide',
    sku: 'DEN-DG500-MT',
    ean12: '735008641150',
    brand: 'Dentora',
    model: 'DG-500',
    title: 'Dentora Glide 500 sonic electric toothbrush, mint',
    description:
      'Sonic toothbrush with 31,000 strokes per minute, three cleaning modes, a pressure sensor and a two-minute timer. Up to three weeks per charge.',
    originalCents: 7999,
    accessories: ['charging stand', '2 brush heads', 'travel case', 'manual'],
    bulky: false,
    art: 'toothbrush',
    colours: { body: '#f4f6f5', accent: '#5fbfa8' },
  },
  {
    key: 'tidywise-r8',
    sku: 'TDW-R8-BK',
    ean12: '871592340857',
    brand: 'Tidywise',
    model: 'TW-R8',
    title: 'Tidywise R8 robot vacuum and mop with lidar navigation, black',
    description:
      'Robot vacuum with 4000 Pa suction, lidar room mapping, no-go zones in the app and a vibrating mop pad. Runs up to 150 minutes and returns to its dock to recharge.',
    originalCents: 39900,
    accessories: [
      'charging dock',
      'power cable',
      '2 side brushes',
      'mop pad',
      'water tank',
      'spare filter',
      'manual',
    ],
    bulky: true,
    art: 'robot_vacuum',
    colours: { body: '#26282c', accent: '#3fa7d6' },
  },
  {
    key: 'lumen',
    sku: 'PGW-PL7-32',
    ean12: '871592410239',
    brand: 'Pagewell',
    model: 'PL-7',
    title: 'Pagewell Lumen 7 e-reader, 7-inch glare-free screen, 32 GB',
    description:
      '7-inch 300 ppi E Ink screen with adjustable warm light, IPX8 waterproof, 32 GB for thousands of books, weeks of battery and USB-C charging.',
    originalCents: 14999,
    accessories: ['USB-C cable', 'quick start guide'],
    bulky: false,
    art: 'ereader',
    colours: { body: '#30343a', accent: '#7b8794' },
  },
  {
    key: 'pulse-44',
    sku: 'VAN-VP344-GR',
    ean12: '400638177441',
    brand: 'Vantro',
    model: 'VP3-44',
    title: 'Vantro Pulse 3 GPS smartwatch, 44 mm, graphite',
    description:
      'GPS sports watch with a 1.4-inch AMOLED display, heart-rate and SpO2 sensors, 100+ sport profiles and up to 10 days of battery. Water resistant to 5 ATM.',
    originalCents: 24900,
    accessories: ['magnetic charging cable', 'spare strap (L)', 'quick start guide'],
    bulky: false,
    art: 'smartwatch',
    colours: { body: '#4a4e55', accent: '#2f3338' },
  },
  {
    key: 'pulse-40',
    sku: 'VAN-VP340-RS',
    ean12: '400638177403',
    brand: 'Vantro',
    model: 'VP3-40',
    title: 'Vantro Pulse 3 GPS smartwatch, 40 mm, rose',
    description:
      'GPS sports watch with a 1.2-inch AMOLED display, heart-rate and SpO2 sensors, 100+ sport profiles and up to 8 days of battery. Water resistant to 5 ATM.',
    originalCents: 22900,
    accessories: ['magnetic charging cable', 'spare strap (S)', 'quick start guide'],
    bulky: false,
    art: 'smartwatch',
    colours: { body: '#d9b3a5', accent: '#e8cfc6' },
  },
  {
    key: 'ionic',
    sku: 'AER-AI2200-BU',
    ean12: '302154022006',
    brand: 'Aerelle',
    model: 'AI-2200',
    title: 'Aerelle Ionic 2200 hair dryer with diffuser, midnight blue',
    description:
      '2200 W ionic hair dryer with three heat and two speed settings, a cool shot button and a removable rear filter. Comes with a concentrator nozzle and a diffuser for curls.',
    originalCents: 6999,
    accessories: ['concentrator nozzle', 'diffuser', 'manual'],
    bulky: false,
    art: 'hair_dryer',
    colours: { body: '#243a5e', accent: '#c8a46e' },
  },
  {
    key: 'roam',
    sku: 'KLV-KR30-BL',
    ean12: '571230045308',
    brand: 'Kelvo',
    model: 'KR-30',
    title: 'Kelvo Roam portable Bluetooth speaker, waterproof IP67, ocean blue',
    description:
      'Compact 20 W Bluetooth speaker, dust- and waterproof to IP67, 15 hours of playback, pairs with a second Roam for stereo. Floats in the pool.',
    originalCents: 5999,
    accessories: ['USB-C cable', 'wrist strap', 'quick start guide'],
    bulky: false,
    art: 'speaker',
    colours: { body: '#2f6f9f', accent: '#1f2a33' },
  },
  {
    key: 'roam-max',
    sku: 'KLV-KR60-TL',
    ean12: '571230045605',
    brand: 'Kelvo',
    model: 'KR-60',
    title: 'Kelvo Roam Max Bluetooth party speaker, 24 h battery, teal',
    description:
      '60 W portable speaker with deep bass, IP67, 24 hours of playback and a power-bank USB port. Carry strap included.',
    originalCents: 12900,
    accessories: ['USB-C cable', 'shoulder strap', 'quick start guide'],
    bulky: true,
    art: 'speaker',
    colours: { body: '#2a8c85', accent: '#1d2b2a' },
  },
  {
    key: 'precise',
    sku: 'KIT-KS5-WH',
    ean12: '406391250055',
    brand: 'Kitchora',
    model: 'KS-5',
    title: 'Kitchora Precise digital kitchen scale, 5 kg / 1 g, white glass',
    description:
      'Slim kitchen scale with a tempered glass platform, 1 g precision up to 5 kg, tare function, g/oz/ml units and auto power-off.',
    originalCents: 2499,
    accessories: ['2 AAA batteries', 'manual'],
    bulky: false,
    art: 'kitchen_scale',
    colours: { body: '#f5f5f3', accent: '#2b2d31' },
  },
  {
    key: 'brew',
    sku: 'KIT-VK17-SS',
    ean12: '406391250093',
    brand: 'Kitchora',
    model: 'VK-17',
    title: 'Kitchora Brew variable-temperature kettle, 1.7 l, brushed steel',
    description:
      'Cordless 2200 W kettle with five temperature presets (70–100 °C), a 30-minute keep-warm, a removable limescale filter and a 360° power base.',
    originalCents: 5999,
    accessories: ['power base', 'limescale filter', 'manual'],
    bulky: false,
    art: 'kettle',
    colours: { body: '#c3c7cc', accent: '#23262b' },
  },
  {
    key: 'toaster',
    sku: 'BRH-BT2S-SS',
    ean12: '901552830042',
    brand: 'Brunnhaus',
    model: 'BT-2S',
    title: 'Brunnhaus 2-slice toaster with bun warmer, brushed steel',
    description:
      '900 W toaster with two extra-wide slots, seven browning levels, defrost, reheat and cancel buttons, a lift-up lever and a fold-away bun warmer.',
    originalCents: 4999,
    accessories: ['crumb tray', 'bun warmer rack', 'manual'],
    bulky: true,
    art: 'toaster',
    colours: { body: '#c9cdd2', accent: '#2a2d31' },
  },
  {
    key: 'arc',
    sku: 'LUM-LA12-WH',
    ean12: '871592520143',
    brand: 'Lumetta',
    model: 'LA-12',
    title: 'Lumetta Arc LED desk lamp with wireless charger, white',
    description:
      'Dimmable LED desk lamp with five colour temperatures, a folding arm and a 10 W Qi wireless charging pad in the base. Flicker-free, 8 W.',
    originalCents: 7900,
    accessories: ['power adapter', 'manual'],
    bulky: false,
    art: 'desk_lamp',
    colours: { body: '#eeeeec', accent: '#9aa3ad' },
  },
];

export const DEMO_PRODUCTS: readonly DemoProduct[] = PRODUCTS.map(({ ean12, ...product }) => ({
  ...product,
  ean: withEan13CheckDigit(ean12),
}));

export function demoProduct(key: string): DemoProduct {
  const product = DEMO_PRODUCTS.find((p) => p.key === key);
  if (!product) throw new Error(`The demo catalogue has no product “${key}”`);
  return product;
}
