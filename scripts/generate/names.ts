/** Fictional premises names, addresses, postcodes and licence references. */
import type {Rng} from './random';
import type {PremisesType} from './premises';

const words = (text: string): string[] => text.split('|');

const PUB_ADJ = words(
  'Red|White|Black|Golden|Royal|Old|Green|Blue|Grey|Silver|Brown|Jolly|Three|Fighting|Flying|Dun',
);
const PUB_NOUN = words(
  'Lion|Hart|Horse|Swan|Bell|Crown|Anchor|Plough|Oak|Bull|Stag|Fox|Greyhound|Boat|Barrel|Lamb|' +
    'Dragon|Cock|Pheasant|Star|Boar|Cow|Hound|Eagle|Falcon|Heron|Tun|Keys|Cocks|Horseshoes',
);
const PUB_FIXED = words(
  'The Wheatsheaf|The Cross Keys|The Railway|The Navigation|The Prince of Wales|The Coach and Horses|' +
    'The Queens Head|The Kings Arms|The Rose and Crown|The Fox and Goose|The Bulls Head|' +
    'The Britannia|The Victoria|The Albion|The Vine|The Nelson|The Malt Shovel|The Hop Pole|' +
    'The Beehive|The Brewers Arms|The Woodman|The Cricketers|The Castle|The Sportsman|' +
    'The Gunmakers Arms|The Locksmiths Arms|The Chainmakers|The Canal Tavern|The Foundry Arms',
);
const BAR_WORD = words(
  'Velvet|Copper|Amber|Neon|Indigo|Scarlet|Ivory|Onyx|Cobalt|Saffron|Juniper|Brass|Marble|' +
    'Alchemy|Lantern|Canvas|Mosaic|Ember|Cellar|Foundry|Gin|Rye|Harbour|Vinyl|Tonic|Orchid',
);
const BAR_SUFFIX = words('Lounge|Bar|Rooms|Social|House|Tap|Bar & Kitchen|Club Bar|Terrace');
const CLUB_WORD = words(
  'Pulse|Vault|Eclipse|Halo|Mirage|Echo|Prism|Fusion|Orbit|Electra|Kinetic|Voltage|Nova|' +
    'Static|Afterglow|Spectrum|Paradox|Sanctum|Catalyst|Tempo|Circuit|Aura|Rhythm|Helix',
);
const CLUB_SUFFIX = words('|| Club| Nightclub| Warehouse| Rooms| Basement');
const FOOD = words(
  'Spice Garden|Golden Dragon|Taste of Punjab|Bella Roma|Balti Junction|Olive Tree|Grill House|' +
    'Lotus Garden|Mezze House|Tiger Grill|Jade Palace|Trattoria Sole|Little Lisbon|' +
    'Kebab Corner|Saffron Kitchen|The Steak Room|Casa Verde|Blue Ginger|Punjab Tandoori|' +
    'Dhaba Street|Thai Orchid|Pho Corner|Seoul Table|Ottoman Grill|Rice and Fire|Zafran',
);
const LATE = words(
  'Pizza Palace Late|Chicken Express|Night Bites|Munchies|Kebab Kitchen|Late Grill|Crispy Corner|' +
    'Midnight Pizza|Cluckers Late|Pizza Nova|Burger Shack|Noodle Box Late|Big Bite|' +
    'Wrap Stop|Fry Days|Pizza Galaxy|Charcoal Kebabs|Peri Peri Grill|Top Taste|Moonlight Fast Food',
);
const OFFY = words('Wines|Wines & Spirits|Off Licence|Mini Market|Food & Wine|Convenience Store');
const HOTEL = words('Central Hotel|Park Hotel|Grand Hotel|Station Hotel|Lodge|Court Hotel|Inn');
const OTHER = words(
  'Social Club|Working Mens Club|Snooker Club|Cricket Club|Sports and Social Club|Bowling Club|' +
    'Community Centre|Comedy Club|Music Venue|Bingo Hall|Arts Centre|Rugby Club|Ex-Servicemens Club',
);
const PLACE_WORDS = words(
  'Riverside|Canal|Market|Castle|Park|Victoria|Albert|Station|Abbey|Priory|Heath|Old Mill|Forge',
);
const UNIT_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

/** A plausible fictional name for a premises of the given type near a centre. */
export function premisesName(rng: Rng, type: PremisesType, placeName: string): string {
  const place = placeName.replace(/ (city|town) centre$/, '');
  switch (type) {
    case 'pub':
      return rng.chance(0.55)
        ? `The ${rng.pick(PUB_ADJ)} ${rng.pick(PUB_NOUN)}`
        : rng.pick(PUB_FIXED);
    case 'bar':
      return `${rng.pick(BAR_WORD)} ${rng.pick(BAR_SUFFIX)}`;
    case 'nightclub':
      return `${rng.chance(0.3) ? 'The ' : ''}${rng.pick(CLUB_WORD)}${rng.pick(CLUB_SUFFIX)}`;
    case 'restaurant':
      return rng.pick(FOOD);
    case 'late_night_refreshment':
      return rng.pick(LATE);
    case 'off_licence':
      return `${rng.chance(0.5) ? place : rng.pick(PLACE_WORDS)} ${rng.pick(OFFY)}`;
    case 'hotel':
      return `${rng.chance(0.6) ? place : rng.pick(PLACE_WORDS)} ${rng.pick(HOTEL)}`;
    default:
      return `${rng.chance(0.5) ? place : rng.pick(PLACE_WORDS)} ${rng.pick(OTHER)}`;
  }
}

/** A postcode in one of the districts, e.g. "B5 4TD". */
export function postcode(rng: Rng, districts: readonly string[]): string {
  const letter = () => UNIT_LETTERS[rng.int(0, UNIT_LETTERS.length - 1)];
  return `${rng.pick(districts)} ${rng.int(1, 9)}${letter()}${letter()}`;
}

/** A street address: a number (sometimes a unit) and a street. */
export function streetAddress(rng: Rng, street: string): string {
  const number = rng.chance(0.15) ? `Unit ${rng.int(1, 24)}, ` : '';
  return `${number}${rng.int(1, 240)} ${street}`;
}

/** Licensing authority prefixes for licence references, by LAD code. */
const LICENCE_PREFIX: Record<string, string> = {
  E08000025: 'BCC',
  E08000026: 'CCC',
  E08000027: 'DMBC',
  E08000028: 'SMBC',
  E08000029: 'SOL',
  E08000030: 'WMBC',
  E08000031: 'CWC',
};

/** A premises licence reference in the style of the licensing authority. */
export function licenceRef(rng: Rng, ladCode: string, serial: number): string {
  const prefix = LICENCE_PREFIX[ladCode] ?? 'LA';
  const year = rng.int(2005, 2020);
  return `${prefix}/PL/${year}/${String(serial).padStart(5, '0')}`;
}
