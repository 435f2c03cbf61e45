import type { Migration } from '../migration';

/**
 * Receiving a return hands out the next reference: the highest RB- number in use, plus one,
 * read under the numbering lock (intake/receive.ts). That read cast every reference to a number
 * and took the largest: a scan of every item, 120 ms with 1,000,000, during which no other desk
 * could receive. References are "RB-" and at least six digits, so a longer one is a larger
 * number and among equally long ones the text sorts as the number does: with this index the
 * highest is the first entry read from its end.
 */
const migration: Migration = {
  version: 110,
  name: 'reference-number-index',
  up(db) {
    db.exec('CREATE INDEX items_reference_number ON items(length(reference), reference)');
  },
};

export default migration;
