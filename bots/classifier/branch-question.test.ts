import { describe, expect, it } from 'vitest';
import type { Branch } from '../../core/calendar.js';
import { branchFactAsked, branchFactsAsked } from './branch-question.js';

const eastside = { id: 'eastside', name: 'Eastside Branch', aliases: ['east side'] } as unknown as Branch;

describe('branchFactAsked', () => {
  it.each([
    ['¿En dónde están ubicadas?', undefined, 'address'],
    // The number asked with a sign or a short word; the car named before where to put it.
    ['eastside library # please', eastside, 'phone'],
    ['me pasas el num de la biblio? porfa', undefined, 'phone'],
    ['how would we walk over to eastside from the train?', eastside, 'directions'],
    // "de allá": the branch just talked about, not another place.
    ['¿y me da el teléfono de allá?', undefined, 'phone'],
    ['my truck, where do i leave it when i come for storytime?', undefined, 'parking'],
    // A street address named; a question after a comma; "wat bus".
    ['is the library at 45 maple ave? gps is confused', undefined, 'address'],
    ['where exactly is eastside, is it by the pharmacy?', eastside, 'directions'],
    ['wat bus goes to the library from the mall', undefined, 'directions'],
    ['is the 12 bus the right one for the library?', undefined, 'directions'],
    ['¿la ruta 7 llega a la biblioteca?', undefined, 'directions'],
    ['is eastside far from the high school? how do i find it', eastside, 'directions'],
    ['which library is on maple, is that eastside?', eastside, 'address'],
    ['who do i call at eastside, is there a direct line', eastside, 'phone'],
    ['my dad has a cane, can he park close at eastside?', eastside, 'parking'],
    // Bus routes that stop by a branch; a street number asked for a form.
    ['coming from the clinic, what routes stop by eastside?', eastside, 'directions'],
    ['eastside got a parking lot? how many hours i can stay parked?', eastside, 'parking'],
    ['how do u get to eastside on the 7, no car', eastside, 'directions'],
    ['is there a lot for library patrons at eastside, and is it free?', eastside, 'parking'],
    // The patron's phone as the place to put the answer, not their record.
    ['could you text me the exact address of eastside so i can put it into my phone', eastside, 'address'],
    ['main is on river st, right? what is the exact number, it is for a form', undefined, 'address'],
    // "get a ticket" names no other place to get to; a phone that lost its contacts is not the patron's record.
    ['how long can i leave the car in the lot before i get a ticket', undefined, 'parking'],
    // A thing found or lost in the lot is lost and found, not parking.
    ['somebody dropped a scarf in the lot at main, where should i bring it', undefined, undefined],
    ['how do i get out to eastside without a car?', eastside, 'directions'],
    ['driving in from the county road, can you tell us how to find the eastside library?', eastside, 'directions'],
    ['is the library on river street? what number on river?', undefined, 'address'],
    ['sorry wrong number, meant to text my sister', undefined, undefined],
    ['rang eastside twice this morning, no answer. did i dial the right number?', eastside, 'phone'],
    // What the fact is for is no other place: the address for the GPS is ours.
    ['need eastside address for put in my gps please', eastside, 'address'],
    // Caribbean English and Venezuelan Spanish for the bus.
    ['how we can reach eastside on di bus from downtown', eastside, 'directions'],
    ['¿cuál camioneta me sirve para la biblioteca?', undefined, 'directions'],
    ['main # plz', undefined, 'phone'],
    ['ke camion me deja en la biblioteca del centro', undefined, 'directions'],
    ['is main on water or river street?', undefined, 'address'],
    ['does eastside have its own lot', eastside, 'parking'],
    ['¿dónde se parquea en la biblioteca?', undefined, 'parking'],
    // Word for word from another language: "how I arrive to", "where I can put my car".
    ['how i arrive to the library from the train station?', undefined, 'directions'],
    ['where i can put my car when i come to eastside? is free?', eastside, 'parking'],
    ['i think i lost my glasses between the parking lot and the doors at main', undefined, undefined],
    ['se me cayó el celular en el estacionamiento de eastside', undefined, undefined],
    ['lost my ticket stub, is parking still free at main?', undefined, 'parking'],
    ['whats the eastside branch number, my phone got wiped', eastside, 'phone'],
    // The patron's own handset: "on ur phone" asks for no number.
    ['a friend says u can borrow e-books thru the library on ur phone, how?', undefined, undefined],
    // A park with a name and the parks department are no parking; "Park" written in a title-case question still is.
    ['can you tell me if the parks department runs the pool at Lincoln Park?', undefined, undefined],
    ['Where Can We Park When We Visit Eastside?', eastside, 'parking'],
    // Pulling up a van to unload is where to stop the vehicle; books unloaded at the book drop are returns.
    ['we have a moving truck, where can we pull up to unload chairs at eastside?', eastside, 'parking'],
    ['can i unload my returns into the book drop after hours?', undefined, undefined],
    ['none of us drive. is there a bus that goes out to eastside?', eastside, 'directions'],
    // "mi hija me lleva" is a daughter who drives, not a bus; the question is whether it is open.
    ['Quisiera saber si la biblioteca estará abierta el 31 y hasta qué hora. Mi hija me lleva los martes.', undefined, undefined],
    ['¿qué autobús me lleva a la biblioteca?', undefined, 'directions'],
    // A room inside found, not the branch; "el número del eastside"; phone cards sold elsewhere.
    ['how do i find the kids room at eastside?', eastside, undefined],
    ['cuál es el número del eastside? mi tía quiere llamar', eastside, 'phone'],
    ['¿dónde venden tarjetas de teléfono baratas?', undefined, undefined],
    // An age and "doesn't drive" are no street address.
    ["my mom is 91 and doesn't drive now. can the library bring books to her place?", undefined, undefined],
    // The best way to reach us about something is contact, not directions; a receipt with one's own address is a paper.
    ['is e-mail the best way to reach you about a sign language interpreter at eastside?', eastside, undefined],
    ['¿me sirve un recibo con la dirección de aquí para sacar el carné?', undefined, undefined],
    ['¿tienen aparcamiento en eastside?', eastside, 'parking'],
    ['¿qué guagua me lleva a eastside?', eastside, 'directions'],
    ['how i can get to the library by bus, i live near the park', undefined, 'directions'],
    ['donde se encuentran ubicados ustedes', undefined, 'address'],
    ['where r u guys located', undefined, 'address'],
    ['where is eastside', eastside, 'address'],
    ['whats the library phone number', undefined, 'phone'],
    ['where can I park my car', undefined, 'parking'],
    ['phone number for the circulation desk?', undefined, 'phone'],
    ['is eastside the one on maple avenue?', undefined, 'address'],
    ['whats mains phone', undefined, 'phone'],
    ['¿dónde se estacionan los visitantes?', undefined, 'parking'],
    ['can i lock my bike somewhere at eastside', eastside, 'parking'],
    ['need the address of the eastside library', eastside, 'address'],
    ['wats the libary adress, putting it in my gps', undefined, 'address'],
    ['¿dónde está la biblioteca?', undefined, 'address'],
    ['donde queda la sucursal', undefined, 'address'],
    ['what is the phone for main, my phone died', undefined, 'phone'],
    ['how can i call eastside without going through the main number', eastside, 'phone'],
    ['how many hours can we leave the car in the lot', undefined, 'parking'],
    ['¿dónde nos estacionamos?', undefined, 'parking'],
    ['the address for the old library building downtown please', undefined, 'address'],
    // A number and calling it; a bus to a branch; the lot, the meters; "parking?" alone; a greeting before "where".
    ['what number do i ring to reach someone there', undefined, 'phone'],
    ['que numero tienen en la biblioteca', undefined, 'phone'],
    ['eastside whats ur #', eastside, 'phone'],
    ['could i phone somebody at eastside about a program?', eastside, 'phone'],
    ['how can i call the eastside branch without going through main', eastside, 'phone'],
    ['does a bus stop near eastside? i sold my car', eastside, 'directions'],
    ['is the main library on the 4 bus route?', undefined, 'directions'],
    ['coming out of the grocery on maple, is the library branch right there?', undefined, 'address'],
    ['MAIN PHONE #', undefined, 'phone'],
    ['from the bus depot, what direction is the main library?', undefined, 'directions'],
    ['could someone walk me through getting to eastside from the highway', eastside, 'directions'],
    ['does a bus go to eastside, which route', eastside, 'directions'],
    ['which way is the library from the train station', undefined, 'directions'],
    ['is the main lot full on saturdays', undefined, 'parking'],
    ['do the meters by the library take cards', undefined, 'parking'],
    ['parking??', undefined, 'parking'],
    ['hey where is eastside', eastside, 'address'],
    ['is there a phone line i can use to reach eastside', eastside, 'phone'],
    ['we drove around and cant find the library', undefined, 'directions'],
    ["i'm parked on maple by the plaza and can't find it, where is eastside", eastside, 'directions'],
    ['the lot at eastside, is it free or only 3 hrs', eastside, 'parking'],
    ["Where exactly is the eastside branch? We just moved here.", eastside, 'address'],
    ['is there parking close to the door at eastside', eastside, 'parking'],
    ['tel de la sucursal eastside', eastside, 'phone'],
    ['what stop is eastside on bus 7', eastside, 'directions'],
    ["What's the number for eastside? My phone lost all my contacts.", eastside, 'phone'],
    // Buses by number; a branch named, then "where exactly".
    ['should i take the 4 or the 12, which is closer to the library', undefined, 'directions'],
    ['does the 7 or the 12 stop near the library', undefined, 'directions'],
    ['main library, where exactly? river st or water st', { id: 'main', name: 'Main Library', aliases: ['main'] } as unknown as Branch, 'address'],
    // A number for a branch named by its street; a bus line.
    ['need the number for the water street library', undefined, 'phone'],
    ['does the eastside library sit on any bus route?', eastside, 'directions'],
    // Spanish: where to park the car, where a named branch stands and at which number.
    ['en la sucursal eastside, ¿dónde se aparca el coche?', eastside, 'parking'],
    ['la sucursal eastside, ¿dónde queda? ¿en qué número está?', eastside, 'address'],
  ] as const)('%j asks for a fact of the library (%#)', (text, branch, fact) => {
    expect(branchFactAsked(text, branch)).toBe(fact);
  });

  it('reads a phone number asked for beside when the patron will call, and "where even is" a branch', () => {
    expect(branchFactsAsked('number for the eastside branch? ill ring when you are open', eastside)).toEqual(['phone']);
    expect(branchFactsAsked('where even is the eastside library', eastside)).toEqual(['address']);
  });

  it('reads the number asked for past the patron\'s own phone failing, and the desk inside as no way there', () => {
    expect(branchFactsAsked('I need the telephone number of the Eastside branch please. The website will not load because my phone is not working well', eastside)).toEqual(['phone']);
    expect(branchFactsAsked('is there a limit on items? i would hate to get to the desk with 50 books and be told no', undefined)).toEqual([]);
  });

  it('reads finding a branch named with its street as directions', () => {
    expect(branchFactsAsked('coming off the interstate - how do i find the maple avenue library from there?', eastside)).toEqual(['directions']);
  });

  it('reads every fact one message asks for, the address carrying the phone', () => {
    expect(branchFactsAsked('driving in from out of town: best way to get to eastside, and where can we leave the car?', eastside)).toEqual(['directions', 'parking']);
    expect(branchFactsAsked('could you send me the address and phone number of eastside', eastside)).toEqual(['address']);
  });

  it.each([
    ['where are the cookbooks located', undefined],
    ['¿dónde están ubicados los libros de cocina?', undefined],
    ['please update my phone number', undefined],
    ['eastside hours', eastside],
    // Another place's phone or address is not the library's.
    ['what is the phone number for the dmv', undefined],
    ['necesito la dirección de la clínica', undefined],
    ['how do i get to the courthouse from here', undefined],
    ['what is the address of the county law library', undefined],
    // Parks that are not parking, proof of address, and a reason a patron cannot come.
    ['do you lend state park passes for the winter', undefined],
    ['what counts as proof of address for a card', undefined],
    // Having no address of one's own is no question about ours.
    ['im staying at a shelter with no fixed address, can i sign up for a card', undefined],
    ['no tengo dirección permanente, ¿puedo sacar la tarjeta?', undefined],
    ['here for a six-week job, can I sign up without a permanent local address?', undefined],
    ['how do i contest a parking ticket i got downtown', undefined],
    ['we kept the old magazines in the garage for years, do you want them', undefined],
    ["my dad can't really get to the library since his surgery", undefined],
    // A shelf's call number is no phone number.
    ['what is the call number for the dune book, i need to find it', undefined],
    // Off work at six is no bus stop.
    ['can my 11 year old wait at the library until i get off at 6', undefined],
    // How far ahead a room can be booked; Wi-Fi out in the lot.
    ['how far in advance can we book the big meeting room at main?', undefined],
    ['is the wifi strong enough to work from the parking lot', undefined],
    ['does the signal work outside the front doors, out in the lot?', undefined],
    ['the large print section at main, i cant find it', undefined],
    ['whats the best way to reach a librarian about a research question', undefined],
    // Where something was lost is not the way to the library; another office's number asked before "number".
    ['left my library book on the bus stop bench, did anyone hand it in', undefined],
    ['someone swiped my purse on the number 4 bus and my card was in it, what do i do', undefined],
    ['the bus driver on route 12 was so rude to me, who do i complain to', undefined],
    ['me lose mi card pon di 4 bus dis morning, wah mi fi do', undefined],
    // A place inside the branch; every way to reach the library, which the contact article answers.
    ['where is the seed library at eastside, is it by the windows', eastside],
    ['do you have an email, or a phone number for general questions?', undefined],
    ['best way to reach a real person at the library about a question?', undefined],
    // Spanish "meter" is to put in, not a parking meter.
    ['¿se pueden meter los dvds en el buzón de afuera?', undefined],
    ['do you know the social security office phone number', undefined],
    ['whats the post office address', undefined],
    ['the irs office phone number please', undefined],
    // A name asked, and a handset that is not the library's number.
    ['what do i call you, do you have a name', undefined],
    ['can you unlock an iphone? not a library phone, a personal one', undefined],
    ['my brother might call the library pretending to be me, will you tell him my fines?', undefined],
    ['Can you bring books to my grandfather? He lives at 52 Birch Road and cannot drive.', undefined],
    ['¿qué papeles sirven para comprobar mi dirección?', undefined],
    ['a window on my screen says to call a number for tech support, is it real', undefined],
    ['not sure this is the right address to ask, but do you sell old books', undefined],
    // The patron's own details said in passing; a way of doing something by phone; contact other than the chat.
    ['can i still get a card if my id shows my previous address?', undefined],
    ['we only have out-of-state licenses, do we need something with a local address for cards?', undefined],
    ['my passport has my old florida address, is that ok for a card', undefined],
    ['we only have an address letter from the shelter, can we get library cards', undefined],
    ['is it possible to pay a fine over the phone', undefined],
    ['¿puedo pedir un libro por teléfono?', undefined],
    ["what's the easiest way to reach you other than texting", undefined],
    ['how do i get to the train station from eastside', eastside],
    // Not coming often is no request for directions; another place's lot, or Wi-Fi from ours, is no parking question.
    ['i rarely get to the library on time so can i renew online', undefined],
    ['sometimes i sit in the library lot at night, does the wi-fi work from there', undefined],
    ['my wallet was stolen in the hospital parking lot with my card in it', undefined],
    // The lot told in the story around another question.
    ['Can I borrow a walker at the desk? My hip hurts and the walk from the lot takes forever.', undefined],
    // A drive's length is no street address.
    ['it is a 25 min drive to the library so can i renew online instead', undefined],
    // A place inside the building; the number a shelf goes by.
    ['where is the teen room located inside the library', undefined],
    ['where can i find cookbooks, what number are they under', undefined],
    // The library looked for in an app, not on the street.
    ['libby is installed but i cant find the library in the app', undefined],
    // A shelf's number; the book drop's place by the lot.
    ['where would the bird books be shelved, what number', undefined],
    ['is the book drop next to the lot or by the front door?', undefined],
  ] as const)('%j is no question about the library itself', (text, branch) => {
    expect(branchFactAsked(text, branch)).toBeUndefined();
  });
});
