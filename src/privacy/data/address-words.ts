/**
 * Words of postal addresses, for the ADDRESS recognizer. Written for this project (see README.md); matched on folded
 * words (lower case, no accents, Arabic letter variants unified).
 */

/** Street and building types that make an address with a number: "12 rue …", "حي … رقم 5", "derb … ra9m 3". */
export const STREET_TYPES = [
  ...'rue avenue av ave bd boulevard blvd impasse allée allee derb drb hay 7ay quartier qt qrt lotissement'.split(
    ' ',
  ),
  ...'résidence residence res résid immeuble imm cité cite douar dwar douwar zanqa zan9a zenqa zen9a znqa zanka'.split(
    ' ',
  ),
  ...'street avenue'.split(' '),
  ...'شارع زنقة درب حي إقامة اقامة عمارة تجزئة دوار ممر'.split(' '),
];

/** Street types that are also common Arabic nouns ("إقامة" setting up, "حي" alive): named, not only numbered. */
export const NAMED_TYPES = ['إقامة', 'اقامة', 'تجزئة', 'حي'];

/** Parts of an address that need a street type elsewhere in it: "appt 4", "étage 2", "رقم 12", "ra9m 5". */
export const ADDRESS_PARTS = [
  ...'place pl appartement appt app apt étage etage etg bloc blc secteur villa lot porte'.split(' '),
  ...'n no nº numéro numero num ra9m raqm rqm r9m apartment flat floor building'.split(' '),
  ...'رقم شقة طابق الطابق ساحة بلوك قطاع مجموعة'.split(' '),
];

/** "km 12 route de Safi": a kilometre mark makes an address with a road. */
export const KILOMETRE = ['km', 'كلم'];
export const ROADS = ['route', 'rte', 'road', 'طريق'];

/** Words inside street names that are not names themselves: "rue de la Paix", "zanqa Ibn Battouta". */
export const CONNECTORS = [
  ...'de du des la le les l d el al ibn ben bnou ould oulad ouled sidi moulay lalla ait abou abi bab bis ter'.split(
    ' ',
  ),
  ...'بن ابن أبي ابي سيدي مولاي لالة للا أولاد اولاد آيت باب'.split(' '),
];

/** Words that end a street name: function words and verbs of French, English, Arabic and Darija. */
export const NAME_ENDS = [
  ...'à a au aux en dans depuis pour par avec chez près vers sur sous entre et ou mais donc car que qui'.split(
    ' ',
  ),
  ...'je j tu il elle nous vous ils elles on me m te se s c ce cet cette ces y ne pas'.split(' '),
  ...'est sont suis ai as avons avez ont était sera habite habitons réside vit se trouve situé située'.split(
    ' ',
  ),
  ...'in at on for with and or but is are was since from to near i you he she we they it the my'.split(' '),
  ...'w o f fi mn men m3a 3la ila wla bach hit li lli ana nta nti howa hiya hna homa kan kant rani daba ghir'.split(
    ' ',
  ),
  ...'bghit kayn kayna dyal dyali 3and 3ndi sakin sakna sakn'.split(' '),
  ...'في من إلى الى على عن مع أو او ثم أن ان إن لا لم لن ما هل قد كان كانت هو هي هم أنا انا نحن'.split(' '),
  ...'الذي التي منذ قرب بجانب حيث لكن عند اللي ديال ديالي فين باش ساكن ساكنة أسكن اسكن يسكن'.split(' '),
];

/** Words that introduce an address ("demeurant au", "sakn f", "l'adresse"): a district name may follow. */
export const ADDRESS_LEADS =
  'au à f fi adresse address dyali sakn sakin sakna demeurant domicilié domiciliée habite at in'.split(' ');

/** Words that also spell a street name's first letters but begin with the conjunction "و": kept in names. */
export const WAW_NAMES = ['وادي', 'واد', 'ولي', 'الوحدة'];
