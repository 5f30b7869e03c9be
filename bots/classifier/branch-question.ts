import type { Branch } from '../../core/calendar.js';
import { foldText } from '../text/normalize.js';
import { questionPart } from '../text/question-part.js';
import { branchWords } from '../entities/branch-mention.js';

/**
 * "Where is the eastside branch?", "what's your phone number", "where do I park?": a question about the
 * library itself (address, phone, parking, directions), answered from library.yaml. "Where is <branch>"
 * is never a shelf lookup; "where are the cookbooks" is never an address.
 */
export type BranchFact = 'address' | 'phone' | 'parking' | 'directions';

/** Words that may sit around a branch name in "where is …" without naming something on a shelf. */
const PLACE_WORDS = new Set([
  'the', 'library', 'libary', 'liberry', 'branch', 'main', 'located', 'location', 'at', 'exactly', 'please', 'pls', 'you', 'your', 'guys', 'yall',
  'biblioteca', 'sucursal', 'la', 'el', 'ubicada', 'ubicado', 'ubicados', 'ubicadas', 'queda', 'quedan', 'estan', 'esta', 'por', 'favor', 'de', 'principal',
  'building', 'situated', 'now', 'again', 'ur', 'is', 'are', 'even', 'actually',
]);

/** "is the library at 200 River Street?", "is 45 maple ave eastside or main?": a street address named. */
/** Words that are never part of a street's name: "my father is 87 and doesn't drive" names no street. */
const NOT_A_STREET_WORD = '(?!(?:and|or|but|so|is|was|are|were|am|pm|years?|yrs?|yo|of|to|in|on|at|for|with|doesnt|dont|didnt|cant|cannot|wont|can|could|will|would|has|had|have|never|no|not|still|now|i|we|he|she|they|you|it|my|his|her|their|our)\\b)';
const STREET_ADDRESS = new RegExp(`\\b\\d{1,5} (?!(?:min|mins|minutes?|miles?|hours?|hrs?|blocks?|km|secs?|seconds?)\\b)${NOT_A_STREET_WORD}\\w+ (?:${NOT_A_STREET_WORD}\\w+ )?(?:st|street|ave|avenue|av|rd|road|blvd|boulevard|dr|drive|ln|lane|way|calle)\\b`);
/** "which branch is on maple", "la biblioteca que está en la avenida Maple", "is the maple ave library the same as eastside". */
const WHICH_BRANCH = /\b(?:which|what) (?:branch|library|location|one|biblioteca|sucursal) (?:is|s)\b.{0,25}\b(?:on|at|in)\b|\b(?:cual|que) (?:biblioteca|sucursal)\b.{0,20}\b(?:queda|esta) en\b|\b(?:biblioteca|sucursal) que (?:esta|queda) en\b/;
/** "is the maple ave library the same as eastside?": which branch is which, when a branch is named. */
const SAME_BRANCH = /\bthe same (?:as|place as|branch as|library as)\b|\bdifferent (?:branch|library|place)\b/;
const ADDRESS = /\b(?:address|adress|adres|addres|adddress|addy|addr|direccion|direcion|what street|which street|calle)\b|\b(?:street|house|building) number\b|\bexact (?:street )?number\b(?! of)|\bwhat number on\b|\bis (?:the|your) (?:library |branch |library branch )(?:right )?(?:there|nearby|close by|near (?:it|there))\b|\bon \w+ (?:st|street|ave|avenue|rd|road) or\b|\bon \w+ or \w+ (?:st|street|ave|avenue|rd|road)\b|\bthe one (?:on|at) \w+ (?:st|street|ave|avenue|rd|road)\b/;
/** "located", "location": an address question only when it is about the library ("where are you located"). */
const LOCATED = /\b(?:located|location|ubicacion|ubicados|ubicadas|ubicada|ubicado|situated)\b/;
/** Spanish leaves the subject out: "¿dónde están ubicados?" is "where are you (all) located?". */
const ABOUT_THE_LIBRARY = /\b(?:library|libary|biblioteca|branch|sucursal|you|your|u|ur|ustedes|yall)\b|\b(?:estan|se encuentran) (?:ubicados|ubicadas)\b/;
/** "your hours at the Eastside location" is an hours question. */
const HOURS_WORDS = /\b(?:hours|hrs|open|opens|close|closes|closing|horario|abren|abre|cierran|cierra|abierta|abierto|abiertos|cerrada|cerrado|hasta que hora)\b/;
const PHONE = /\b(?:(?:phone|fone|phon) (?:number|numbr|nmber|#|no|line)|direct (?:line|number)|tel|(?:library|branch|eastside|main|downtown|central|sucursal)s? number|(?:que|q|cual) (?:es (?:el|su) )?numero (?:tiene|tienen)|phone nr|telephone|telefono|number to call|call you|call the library|your (?:phone|number)|ur (?:phone|number)|whats? (?:the |ur |your )?(?:phone|number)|phone for|su numero|(?:numero|num|nro) de (?:la )?(?:biblio|biblioteca|sucursal)|(?:numero|num|nro|telefono) (?:de|del) (?:la |el )?(?:eastside|main|centro|central|downtown|maple|principal)|numero (?:telefonico|de telefono)|(?:library|branch|eastside|main|your|ur)s? phone|number (?:for|of) (?:the )?(?:library|branch|eastside|main)|(?<!call )number (?:for|of) (?:the )?(?:\w+ ){1,3}(?:library|branch|location)|(?:what|which) number (?:do i|can i|should i|to) call|(?:do|did|have) i (?:even )?(?:have|got|dial|dialed|dialled|call|called) the (?:right|correct) (?:phone )?number|telefono de (?:la )?(?:biblioteca|sucursal))\b/;
const PARKING = /\bis there (?:a|any) (?:parking )?lot\b|\bhave (?:its|it s|their|a) own (?:parking )?lot\b|\b(?:a|any) lot (?:for|where) (?:library )?(?:patrons|visitors|customers|cars)\b|\b(?:aparcamiento|parqueadero|parqueaderos|parquea|parquear|parqueo|(?:leave|put) (?:my|the|our|her|his|their) (?:car|truck|van)|(?:car|truck|van)\b.{0,25}\b(?:put|leave) it|(?:the|parking|street|library|main|eastside|st|ave) lot|lot (?:free|full|open)|parking meters?|(?:the|a|any|street) meters?|meters|park|parking|parked|pahk|pahking|pahked|estacionamiento|estacionar|estaciono|estaciona|estacionan|estacionamos|estacionas|estacionarnos|estacionarse|estacionarme|aparcar|aparco|aparca|aparcan|aparcamos|aparcarse|parquear|parqueo|bike rack|bike racks|leave my bike|lock my bike|bicicleta|loading (?:zone|dock|area|bay)|(?:where|can) (?:can |do |should |could )?(?:i|we) (?:pull up|pull in)\b(?! (?:a|the|my|your) (?:chair|seat|page|file|account|record|website|site|catalog))|pull up (?:to|and) unload)\b/;
const DIRECTIONS = /\b(?:bus(?:es)?|routes?) (?:stop|stops|go|goes|run|runs) (?:near|by|at|to|in front)\b|\b(?:which|what) direction\b|\b(?:walk me through|help me with) getting (?:to|there)\b|\bgetting (?:to|there) from\b|\b(?:on|near) the (?:number |no |# ?)?\d{1,2} (?:bus|route|line)?\b.{0,12}\b(?:route|bus|line)\b|\b(?:directions|how far(?! (?:in advance|ahead|out|back|before))|best way to (?:get(?! (?:a|an|in touch|ahold|hold|my|books?))|reach(?! (?:someone|somebody|staff|a person|an? (?:actual|real|live) (?:person|human)|a human|a librarian|anyone|you by|the desk|(?:you|u)(?: guys| all| folks)? (?:besides|other than|except|by|via|outside|apart from|if|about|regarding|for|with|to ask)))|go)|(?:which|what) stop|get off at(?! (?:\d|like \d|around \d|about \d|noon|midnight|work))|(?:can t|cant|cannot) find (?:you|the (?:library|branch|building|entrance|door))(?! (?:in|on|inside|under|from) (?:the |their |his |her |my |your )?(?:app|apps|list|menu|libby|hoopla|kindle|tablet|phone|settings|dropdown|drop down|search|website|site|screen)\b)|how (?:do|can|would|should) (?:i|we|you|u) (?:walk|drive|bike|cycle) (?:to|there|over)\b|which way (?:is|to)|what way (?:is|to)|how (?:tf |the heck |the hell |on earth )?do (?:i|u|you|we) get (?:to|there)|how to get (?:to|there)|get to the(?! (?:desk|front desk|counter|checkout|circulation desk|computers?|printers?|shelf|shelves|stacks|end|bottom|top|point|next)\b)|which bus|what bus|wat bus|wut bus|bus (?:stop|route)|by bus|bus(?:es)? (?:to|that goes to|going to)|bus(?:es)? (?:that )?(?:goes|go|runs|run|going|heading) (?:out |over |up |down )?(?:to|past|near|by)|(?:which|what) (?:bus )?route|route stops|como llego|como llegar|que autobus|como se llega|(?:que|cual) (?:camion|bus|ruta))\b|\b(?:bus|autobus|camion|ruta|guagua|linea|colectivo|micro)\b.{0,25}\bme lleva\b|\b(?:que|ke|cual) (?:guagua|colectivo|micro|autobus|camion|camioneta|bus)\b|\b(?:reach|get to|go to)\b.{0,40}\b(?:on|pon|by) (?:the |di |a )?bus\b|\bme deja cerca\b|\bhow (?:do |can )?i (?:can )?(?:go|get|get out|arrive) (?:to|at) (?:the )?(?:library|branch|main|eastside|downtown|central|\w+ library)\b|\bwith the bus\b|\b(?:take|ride|catch|get on) the (?:number |no |# ?)?\d{1,2}\b(?! (?:min|mins|minutes|hours|hrs|days|books|items|pages))|\bthe \d{1,2}(?: or (?:the )?\d{1,2})? (?:bus )?stops?\b|\bon (?:a|the|any) bus (?:line|route)\b|\b(?:the |number |no |# ?)\d{1,2} bus\b|\bbus (?:number |no |# ?)?\d{1,2}\b(?! (?:min|mins|minutes|hours|dollars))|\b(?:la )?ruta \d{1,2}\b|\bllegan? (?:a|hasta) (?:la )?(?:biblioteca|sucursal)\b|\b(?:quickest|fastest|easiest|shortest|best) (?:way|route) (?:there|to (?!(?:reach|contact|get in touch|call|phone|email|e mail|text|ask|talk|pay|renew|return|sign|apply|find (?:a|out)|get (?:a|an|my|in touch|ahold|hold))\b))/;
/** "is the downtown library near the courthouse? how do I find it": finding the building, when a branch is named. */
const FIND_THE_BRANCH = /\bhow (?:(?:do |can |would |should )?(?:i|we) |to )find (?:it|you|the (?:\w+ ){0,3}(?:library|branch|building))\b|\bis (?:it|the (?:library|branch)|\w+ (?:library|branch)) (?:near|close to|far from|by)\b|\bfar from\b/;
/** Said before a question and no part of it: "yo, where's main?". */
const INTERJECTION = /^(?:(?:yo|hey|hi|hello|ok|okay|so|um|uh|quick question|quick q|excuse me|hola|oye|disculpe)\s+)+/;
/** "is there a number I can call for main?": a number and calling it, except a shelf's call number. */
const NUMBER_TO_CALL = /\bnumber\b.*\b(?:call|ring|text|reach)\b|\b(?:call|ring|reach)\b.*\bnumber\b/;
/** "which way to the kids room at eastside?": the way to a place inside the branch, which the shelf map answers. */
const WAY_INSIDE = /\b(?:which way|what way|how do (?:i|u|you|we) get|how (?:can|would) (?:i|we) get|how to get|get) to (?:the |your )?(?:\w+ ){0,2}(?:room|rooms|restrooms?|bathrooms?|toilets?|washrooms?|desk|stairs|stairway|elevator|lift|section|shelf|shelves|stacks|computers?|printers?|corner|sala|bano|banos)\b/;
/** "I'm on Maple and can't find it": the building, unless the message names something inside it to be "it". */
const CANT_FIND_IT = /\b(?:can t|cant|cannot|couldn t|could not) find it\b/;
// In Spanish too: "¿dónde queda la sala infantil en Maple?" is a room inside the branch.
const SOMETHING_INSIDE = /\b(?:sections?|shelf|shelves|books?|card|items?|dvds?|copy|seed|call number|collection|room|restroom|bathroom|printer|computer|desk|anywhere|seccion|libros?|bano|banos|sala|piso|estantes?|computadoras?|impresora|mostrador|coleccion|semillas)\b/;
/** "whats the #", "ur # pls": the sign is lost when the question is folded, so it is looked for first. */
const NUMBER_SIGN = /\b(?:whats?|what is|wats|the|ur|your|their|main s|eastside s|main|eastside|downtown|phone|tel|library|branch|biblio|biblioteca)\s*#(?!\s*\d)/;
/** "can i call someone at the main branch?": a way to call is what is asked. */
const CALL_SOMEONE = /\b(?:can|could|how do|how can) i (?:call|phone|ring) (?:someone|somebody|anyone|a person|a librarian|staff|the desk|(?:the |your )?(?:\w+ ){0,2}(?:branch|library))\b/;
/** About the patron's own record, not the library: "update my phone number"; not "put it into my phone". */
const MINE = /(?<!\b(?:into|in|on|onto|to|from|with|using|via|through|en|a|desde|con) )\b(?:my|mi|mis)\s+(?:\w+\s+)?(?:phone|number|address|email|telefono|direccion)\b(?!\s+(?:died|is dead|s dead|broke|is broken|battery|is off|deleted|erased|wiped|lost|crashed|got (?:wiped|reset|stolen)|was stolen|is not|isn t|isnt|won t|wont|doesn t|doesnt|can t|cant|keeps|is too|is old|se murio|se descargo|se rompio|se borro|borro|no (?:abre|carga|funciona)))|\b(?:update|change|cambiar|actualizar)\b|\bproof of (?:address|residence)\b|\bcomprobante de (?:domicilio|direccion)\b/;
/**
 * Parks, passes and tickets that are not the library's parking: "state park passes", "a national park", "a
 * parking ticket"; a thing found or lost in the lot, which is lost and found.
 */
const NOT_PARKING = /\b(?:book ?drop|drop ?box|book return|return (?:box|slot|bin))\b.{0,40}\blot\b|\blot\b.{0,40}\b(?:book ?drop|drop ?box|book return)\b|\b(?:found|dropped|lost|forgot|turned in|handed in)\b.{0,50}\b(?:in|on|at) the (?:\w+ )?(?:parking )?lot\b|\b(?:lost|dropped|found|perdi|perdio|se me cayo|se le cayo|encontre|encontraron)\b.{0,60}\b(?:parking lot|parking garage|estacionamiento|parqueo|parqueadero)\b|\bparking (?:tickets?|fines?|citations?|violations?)\b|\bmultas? de (?:estacionamiento|parqueo)\b|\b(?:state|national|city|county|theme|water|amusement|dog|skate|trailer)\s+parks?\b|\bparks?\s+(?:pass|passes|trails?|rangers?|district|department|dept|and rec|and recreation|board|commission|service)\b|\b(?:wifi|wi fi|signal|internet|hotspot)\b.{0,60}\b(?:parking )?lot\b|\blot\b.{0,60}\b(?:wifi|wi fi|signal|internet|hotspot)\b|\b(?:store|grocery|supermarket|mall|hospital|school|work|church|walmart|station|apartment|restaurant|depot)(?: s)? (?:parking )?lot\b/g;
/** "can't get to the library anymore" is why a patron cannot come, not a request for directions. */
const CANNOT_COME = /\b(?:can t|cant|cannot|can not|unable to|no longer|not able to|don t|dont|do not|never|rarely|seldom|hardly|barely)\s+(?:\w+\s+)?get\s+(?:to|there|here)\b|\bget (?:to|there|here) (?:the (?:library|branch) )?(?:in time|on time|before (?:it|you|they) close|much|often|very often)\b/g;

/** "lost my card at the bus stop", "my wallet got swiped on the 12 bus", a rude bus driver: the bus in a story, not the way to the library. */
const WHERE_SOMETHING_WAS = /\b(?:lost|lose|left|dropped|forgot|found|missing|stolen|stole|taken|took|swiped|snatched|robbed|pickpocketed)\b.{0,40}?\b(?:at|on|pon|near|by|in) (?:the|di|da|de) (?:number |no |# ?)?(?:\d{1,2} )?bus(?: stop)?\b|\bbus drivers?\b/g;

/**
 * "what should I call you?" asks a name; "my ex might call the library" is someone else calling; "it's not
 * a library phone" is a handset; a pop-up saying "call a number" is a scam; "sorry if this is the wrong
 * address" is this inbox: none asks for our number or address.
 */
const NOT_OUR_NUMBER = /\bwhat (?:should|do|can|shall|may) (?:i|we) call (?:you|u|ya)\b|\b(?:he|she|they|someone|somebody|anyone|my \w+) (?:might|may|could|would|will|can|ll) (?:\w+ )?call (?:the library|you|the branch)\b|\bcall (?:a|this|that) (?:phone )?number\b|\b(?:wrong|right|correct) (?:e ?mail )?address\b|\bwrong (?:phone )?(?:number|#)\b|\b(?:a|an|my) (?:library|branch) (?:phone|ipad|tablet|laptop)s?\b(?! (?:number|#))|\btarjetas? (?:de )?(?:telefono|llamadas)\b|\b(?:phone|calling) cards?\b/g;
/** "where's the seed library located inside the building\": a place within a branch, not its address. */
const INSIDE_THE_BUILDING = /\b(?:inside|in the building|within the building|which floor|what floor|on the floor|dentro de|en el edificio|que piso)\b/;
/** "where do i find biographies": something on the shelves is looked for. */
const SHELF_QUESTION = /\bwhere (?:do|can|would|should) (?:i|we) find\b|\bwhere (?:are|is) the \w+ (?:books?|section|shelf|shelves)\b|\bshelved\b|\bwhere (?:would|will|do|does) the (?:\w+ ){1,3}(?:books?|section|shelf|shelves|collection) (?:be|go|sit)\b/;
/**
 * "my license still has my old address", "proof of address", "he lives at 52 Birch Road", "I have no fixed
 * address": the patron's own details or papers, said in passing.
 */
const OWN_DETAILS =
  /\b(?:my|mi|mis|our|his|her|their)\s+(?:\w+\s+){0,2}(?:phone|number|address|adress|telefono|direccion)\b|\b(?:no|without|without a|without an|don t have an?|dont have an?|do not have an?|got no|have no|no tengo|sin)\s+(?:(?:fixed|permanent|home|mailing|current|real|street|local|us|u s|fija|permanente)\s+){0,2}(?:address|adress|phone|telefono|direccion|domicilio)\b|\bproofs? of (?:address|residence|residency)\b|\b(?:something|anything|mail|a bill|bills|a letter|letters|a document|documents|papers?|an id|id|a lease)(?: from (?:my |the |a |our )?\w+)? (?:with|showing|that shows|that has) (?:a |an |my |our |the |his |her )?(?:local |current |new |home |street |permanent )?(?:address|adress|direccion)\b|\baddress (?:letter|proof|verification|change)\b|\b(?:comprobante|prueba) de (?:domicilio|direccion)\b|\b(?:recibo|factura|carta|papel|documento|comprobante|cuenta|correo)s? (?:\w+ ){0,2}(?:con|que tenga|que diga|que muestre|donde salga) (?:la |mi |su |una )?direccion\b|\bcomprobar (?:la|mi|su) direccion\b|\b(?:lives?|living|lived|resides?|staying|vive|vivo|vivimos)\s+(?:at|on|in|en|off)\s+(?:la\s+|the\s+)?(?:calle\s+)?(?:\d{1,5}\s+)?\w+(?:\s+(?:st|street|ave|avenue|rd|road|lane|ln|drive|dr|blvd|way|court|ct))?\b/g;
/** "can I renew by phone?", "¿se puede renovar por teléfono?": a way of doing something, not the number. */
const BY_PHONE = /\b(?:by|over the|via|on the) (?:phone|telephone)\b(?! (?:number|#))|\bpor (?:el )?telefono\b(?! (?:de|del|es))/g;
/** "you can get audiobooks on ur phone", "read it on your phone": the patron's handset, not our number. */
const ON_A_PHONE = /\b(?:on|onto|in|into|from|with|using|through|to) (?:ur|your|yr|a|the|their|his|her|any) (?:own )?(?:phone|cell|cellphone|cell phone|mobile|smartphone|iphone|android)\b(?! (?:number|#|line))/g;

/** Lower case, no accents, apostrophes dropped ("what's" → "whats"), other punctuation a space. */
function foldQuestion(text: string): string {
  return foldText(text).replace(/[’']/g, '').replace(/[^a-z0-9 ]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Words that name the library itself after "the number for …", "the address of …", "directions to …". */
const OURS = /^(?:the |el |la |los |las |you|your|ur|u\b|us\b|there\b|here\b|it\b|alla\b|ahi\b|alli\b|aqui\b|aca\b|esa\b|ese\b|that (?:one|branch|library)\b|library|libary|liberry|biblioteca|branch|sucursal|main|eastside|east|downtown|central|reference|circulation|front desk|desk|children s|kids|teen)/;
/** Another office named before the fact asked: "the DMV phone number", "city hall s address", "the IRS number". */
const ANOTHER_PLACE_FIRST = /\b(?:dmv|bmv|irs|ssa|social security(?: office)?|post office|city hall|courthouse|police(?: station| department)?|hospital|clinic|school|embassy|consulate|unemployment(?: office)?|food bank|shelter|county clerk|passport agency)\s*s?(?:\s+(?:office|department|dept|building|headquarters))?\s+(?:phone number|phone|number|address|adress|telephone)\b/;
/** What the fact is wanted for, not where: "address for put in GPS", "the number for my records", "for uber". */
const PURPOSE = /^(?:put|putting|type|typing|enter|entering|use|using|my|our|gps|google|maps|waze|uber|lyft|taxi|cab|navigation|sat ?nav|a form|forms?|(?:the |a |our |my )?(?:manifest|delivery|deliveries|shipping|shipment|label|labels|invoice|paperwork|records?|driver|courier|package|packages))\b/;
const PLACE_NAMED = /\b(?:(?:phone )?number|phone|telephone|address|adress|addres|addy|directions|get(?= to )|telefono|direccion|numero|llegar|llego)\s+(?:(?:for|of|to|de|del|a|al)\s+)(.{2,40})$/;

/**
 * "the phone number for city hall", "address of the police station", "¿el teléfono del hospital?":
 * another place's facts, which the library's own are not. The words after "for/of/to" decide; a branch
 * name or "you/the library" keeps it ours.
 */
function namesAnotherPlace(folded: string, branch: Branch | undefined): boolean {
  if (!branch && ANOTHER_PLACE_FIRST.test(folded)) return true;
  const match = PLACE_NAMED.exec(folded);
  if (!match) return false;
  // "to the airport from downtown": where the patron goes is the place asked about, not where they start.
  const target = match[1]!.replace(/^(?:the|el|la|los|las)\s+/, '').split(/\s+(?:from|desde)\s+/)[0]!;
  if ((branch && namesBranch(target, branch)) || OURS.test(target) || PURPOSE.test(target)) return false;
  // "the address for the big library": a library, and no other library's name around it, is this one.
  if (/\b(?:library|libary|biblioteca|branch|sucursal)\b/.test(target) && !/\b(?:county|state|university|college|school|law|medical|presidential|congress)\b/.test(target)) return false;
  return /\p{L}{3,}/u.test(target);
}

/** Whether the words use one of the branch's own name words ("maple", "downtown"), not "library" or "branch". */
function namesBranch(words: string, branch: Branch): boolean {
  const own = new Set([...branchWords(branch)].filter((word) => word.length > 2 && word !== 'branch' && word !== 'library'));
  return words.split(' ').some((word) => own.has(word));
}

/**
 * The fact asked for, or undefined. `branch` is the branch the message names (if any): "where is
 * eastside" is an address question only because "eastside" is a branch.
 */
export function branchFactAsked(text: string, branch: Branch | undefined): BranchFact | undefined {
  return branchFactsAsked(text, branch)[0];
}

/**
 * Every fact asked for, the main one first: "the best way to reach downtown and where do I leave my car"
 * asks for directions and parking. The address line carries the phone, so "address and phone" is one fact.
 */
/** "Riverside Park", "Lincoln Park": a park with a name, written as one, is a place, not parking. */
const NAMED_PARK = /\b(?!(?:I|We|You|They|He|She|Where|Can|Could|Do|Does|To|Should|May|Please|Free|Library|Branch|Eastside|Main|Downtown|The|And|Or|Not|Also|Still)\b)[A-Z][a-z]+ Parks?\b(?! (?:at|in|on|near|by|behind|beside|there|here|for|free|overnight)\b)/g;

export function branchFactsAsked(text: string, branch: Branch | undefined, libraryName = ''): BranchFact[] {
  const folded = foldQuestion(text.replace(NAMED_PARK, ' '))
    .replace(NOT_PARKING, ' ')
    .replace(CANNOT_COME, ' ')
    .replace(WHERE_SOMETHING_WAS, ' ')
    .replace(OWN_DETAILS, ' ')
    .replace(BY_PHONE, ' ')
    .replace(ON_A_PHONE, ' ')
    .replace(NOT_OUR_NUMBER, ' ')
    .replace(INTERJECTION, '');
  // "My phone says it's disconnected" after the question is the patron's phone, not a request to change it.
  const asked = foldQuestion(questionPart(text));
  // "2 hrs free" is how long one may park and "close to the entrance" is near: neither is opening hours.
  // "how many hours can i leave my car", "how many hours I can park" is how long one may park, not opening hours either.
  const aboutHours = HOURS_WORDS.test(
    folded
      .replace(/\b(?:\d+|a few|few|a couple(?: of)?|couple(?: of)?|several|two|three)\s*(?:hrs?|hours?)\b/g, ' ')
      .replace(/\bhow (?:many|long) (?:hrs?|hours?)?\s*(?:(?:can|may|do|could) )?(?:i|we|you)(?: (?:can|may|could))?\b/g, ' ')
      .replace(/\bclose (?:to|by)\b/g, ' ')
      // "I'll call when you're open": when to call, not a question about the hours.
      .replace(/\b(?:call|ring|come|stop by|drop by|visit)\b[^.?!]{0,20}\bwhen (?:you re|youre|you are|u r|ur|you|u|y all are|yall are)? ?(?:open|opened)\b/g, ' ')
      // "can she park close at the maple branch": near, not closing time.
      .replace(/\b(?:park|parking|parked|get|be|stay|drop (?:her|him|me|them) off) close\b/g, ' '),
  );
  if (MINE.test(asked) || aboutHours || namesAnotherPlace(folded, branch)) return [];
  const aboutUs = branch !== undefined || ABOUT_THE_LIBRARY.test(folded) || /\bthere\b/.test(folded);
  const facts: BranchFact[] = [];
  const lostTheBuilding = CANT_FIND_IT.test(folded) && !SOMETHING_INSIDE.test(folded);
  // "where is the seed library at eastside, is it by the front desk": something inside the branch is looked for.
  const findsTheBranch = branch !== undefined && FIND_THE_BRANCH.test(folded) && !SOMETHING_INSIDE.test(folded);
  if ((DIRECTIONS.test(folded) || lostTheBuilding || findsTheBranch) && aboutUs && !WAY_INSIDE.test(folded)) facts.push('directions');
  // "…my hip hurts and the walk from the lot takes forever": a lot told in the story around a question is no parking question.
  const parkingAsked = PARKING.test(folded) && PARKING.test(asked.replace(NOT_PARKING, ' '));
  if (parkingAsked && (aboutUs || folded.split(' ').length <= 2 || /\b(?:where|can i|is there|do you have|hay|donde|free|gratis|lot|garage|how much|cost)\b/.test(folded))) facts.push('parking');
  const address = (ADDRESS.test(folded) || (branch !== undefined && WHERE_IT_STANDS.test(folded) && !SOMETHING_INSIDE.test(folded)) || ((STREET_ADDRESS.test(folded) || WHICH_BRANCH.test(folded) || (branch !== undefined && SAME_BRANCH.test(folded))) && aboutUs) || (LOCATED.test(folded) && aboutUs && !/\b(?:books?|dvds?|section|shelf|shelves|collection|libros)\b/.test(folded) && !INSIDE_THE_BUILDING.test(folded))) && !/\b(?:email|e mail|correo)\b/.test(folded);
  // "how do i call eastside directly": calling a branch named is asking for its number.
  const callsBranch = branch !== undefined && /\b(?:how (?:do|can|would) (?:i|we)|can i|could i|way to) (?:call|phone|ring)\b|\bwho (?:do|should|can) i (?:call|phone|ring)\b/.test(folded);
  const callAsked = NUMBER_SIGN.test(foldText(text).replace(/[’']/g, ' ')) || (CALL_SOMEONE.test(folded) && aboutUs) || callsBranch;
  // "where do i find biographies, like what number": the number on the shelf, unless calling is said.
  const shelfNumber = SHELF_QUESTION.test(folded) && !/\b(?:phone|call|ring|telephone|telefono|llamar)\b/.test(folded);
  // "an email address or a general number?": every way to reach the library, which the contact article gives.
  if (/\b(?:email|e mail|correo)\b/.test(asked) && !branch) return [];
  if (!shelfNumber && (PHONE.test(folded) || callAsked || NUMBER_TO_CALL.test(folded.replace(/\bcall numbers?\b/g, ' ')))) facts.push(address ? 'address' : 'phone');
  else if (address) facts.push('address');
  if (facts.length > 0) return facts;
  return whereIsBranch(text, branch, libraryName) ? ['address'] : [];
}

/** "la biblioteca de Maple, ¿dónde queda?": where a named branch stands, in Spanish. */
const WHERE_IT_STANDS = /\b(?:donde|adonde) (?:queda|quedan|se encuentra)\b|\ben que numero\b/;

/** "where is eastside", "how do I find main", "Where exactly is the library?", "where is Riverside Public Library?": the address. */
function whereIsBranch(text: string, branch: Branch | undefined, libraryName: string): boolean {
  const folded = foldQuestion(text).replace(INTERJECTION, '');
  if (/^(?:how do i find|how can i find|como encuentro)\b/.test(folded) && branch && !SOMETHING_INSIDE.test(folded)) return true;
  // "main library, where exactly? river st or water st": the branch named, then where it is.
  if (branch && /\b(?:where|donde) exactly\b|\bexactly where\b/.test(folded)) return true;
  // "Where exactly is the library? I'm new in town.": the first question alone (questionPart would join it
  // with a second one, "Where is it? Is there parking?", which no longer reads as "where is <place>").
  // "where exactly is the eastside branch, is it near the grocery store?": the clause before the comma.
  const question = foldQuestion(text.split(/(?<=\?)\s+|,\s+/)[0]!).replace(INTERJECTION, '');
  const where = /^(?:where|wheres|where s|donde|en donde)\s+(?:exactly\s+)?(?:(?:is|are|r|estan|esta|es|quedan|queda)\b)?\s*(?:exactly\s+)?(.*)$/.exec(question);
  if (where) {
    const rest = where[1]!.split(' ').filter((word) => word.length > 0);
    const named = new Set([...(branch ? branchWords(branch) : []), ...foldQuestion(libraryName).split(' ').filter((word) => word.length > 0)]);
    const names = rest.some((word) => named.has(word) || word === 'library' || word === 'biblioteca' || word === 'you' || word === 'sucursal' || word === 'branch');
    return names && rest.every((word) => PLACE_WORDS.has(word) || named.has(word));
  }
  return false;
}

/** A fact named at all ("and parking?", "phone too"): read only as a follow-up to a branch-fact answer. */
export function factNamed(text: string): BranchFact | undefined {
  const folded = foldQuestion(text);
  if (MINE.test(folded)) return undefined;
  if (PARKING.test(folded)) return 'parking';
  if (/\b(?:phone|number|telefono|numero)\b/.test(folded)) return 'phone';
  if (DIRECTIONS.test(folded) || /\b(?:bus|autobus|camion)\b/.test(folded)) return 'directions';
  if (ADDRESS.test(folded)) return 'address';
  return undefined;
}
