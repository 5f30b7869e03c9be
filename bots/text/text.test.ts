import { describe, expect, it } from 'vitest';
import { detectSafety } from '../classifier/safety.js';
import { isUnsupportedLanguage } from '../language.js';
import { messageBody } from './message-body.js';
import { foldToWords, tokenize } from './normalize.js';
import { plainText } from './plain-text.js';

describe('messageBody', () => {
  it('drops an e-mail greeting, sign-off and signature', () => {
    const mail = 'Good morning,\n\nCould you tell me if the meeting room has a projector?\n\nKind regards,\nJoan Fisher\nFriends of the Library\n\nSent from my phone';
    expect(messageBody(mail)).toBe('Could you tell me if the meeting room has a projector?');
  });

  it('drops a one-line sign-off with a name', () => {
    expect(messageBody('Hi, is the copier fixed yet? Thanks, Lee')).toBe('is the copier fixed yet?');
  });

  it('keeps a pasted subject line without its label, and drops the greeting under it', () => {
    const mail = 'Subject: Re: book club kits\n\nHello,\n\nDo you lend book club kits to groups?\n\nBest,\nAmal';
    expect(messageBody(mail)).toBe('book club kits\n\nDo you lend book club kits to groups?');
    expect(messageBody('Asunto: horario de domingo')).toBe('horario de domingo');
  });

  it('drops thanks said on the way to a question, and keeps thanks said alone', () => {
    expect(messageBody('Thanks! What time do you open on sunday?')).toBe('What time do you open on sunday?');
    expect(messageBody('gracias. ¿y mañana abren?')).toBe('¿y mañana abren?');
    expect(messageBody('thanks, that was helpful')).toBe('thanks, that was helpful');
  });

  it('leaves short messages alone', () => {
    expect(messageBody('hello')).toBe('hello');
    expect(messageBody('thank you!')).toBe('thank you!');
  });
});

describe('plainText', () => {
  it('removes Markdown syntax and keeps the words', () => {
    const markdown = '## Fees\n\n**Late fees**: none. See [holds](holds.md) or [our site](https://example.org/x).\n\n| Item | Cost |\n|---|---|\n| Card | $5 |\n\n- one\n- two';
    expect(plainText(markdown)).toBe('Fees\n\nLate fees: none. See holds or our site (https://example.org/x).\n\nItem — Cost\n\nCard — $5\n\n• one\n• two');
  });
});

describe('detectSafety', () => {
  it.each([
    ['I think about ending my life', 'self-harm'],
    ['cant find my daughter anywhere in the building', 'missing-child'],
    ['a guy just pulled a knife', 'threat'],
    ['an old man collapsed by the stairs', 'medical'],
    ['something is burning near the copier', 'fire'],
    ['the alarm is going off and there is smoke in the stairwell, is this a drill??', 'fire'],
    ["i'm a bit lost. my grandson says the library has a lost child, is it true?", 'missing-child'],
    // Said indirectly, or the way people text it.
    ['honestly thinking about ending things tonight', 'self-harm'],
    ['theres no point in living anymore', 'self-harm'],
    ['i took all of my pills', 'self-harm'],
    ['nobody would miss me if i was gone', 'self-harm'],
    ['i wanna kms', 'self-harm'],
    ['ya no quiero seguir', 'self-harm'],
    ['pienso en acabar con mi vida', 'self-harm'],
    ['my son was supposed to meet me by the front desk 40 min ago', 'missing-child'],
    ['has anyone seen a little boy in a green hoodie', 'missing-child'],
    ['my daughter went to the bathroom and still hasn’t come back', 'missing-child'],
    ['mi hijo no aparece', 'missing-child'],
    ['I lost track of my 7 year old by the fiction shelves', 'missing-child'],
    ['perdí de vista a mi hija en la sección infantil', 'missing-child'],
    // Other languages, stated outright.
    ['Допоможіть, не можу знайти сина у бібліотеці', 'missing-child'],
    ['زوجي يهددني ويضربني', 'threat'],
    ['mon copain me frappe, je ne veux pas rentrer', 'threat'],
    ['yon granmoun tonbe bò eskalye a, li pa reponn', 'medical'],
    ['一位女士在厕所里晕倒了，没有反应', 'medical'],
    ['मेरे भाई ने मुझे पीटा, मुझे डर लग रहा है', 'threat'],
    ['دخترم قرار بود بعد از کلاس بیاید ولی نیامده', 'missing-child'],
    ['Чоловік стежить за мною від входу', 'threat'],
    ['Какой-то человек за мной уже полчаса ходит между полками', 'threat'],
    ['Я прячусь в читальном зале, мне страшно', 'threat'],
    ['Якийсь чоловік за мною весь час ходить по бібліотеці', 'threat'],
    ['मेरी आमा बेहोस हुनुभयो, सास फेरेको छैन', 'medical'],
    ['Help, mijn dochtertje is weg, ik kan haar nergens vinden', 'missing-child'],
    ['무서워요, 어떤 남자가 저를 계속 따라다녀요', 'threat'],
    ['یو سړی زما پسې راځي، مرسته وکړئ', 'threat'],
    ['el señor de la mesa 3 no responde, creo que se desmayó', 'medical'],
    ['سأودع الجميع الليلة، لن أكون هنا بعد اليوم', 'self-harm'],
    ['se perdió mi niña en la biblioteca', 'missing-child'],
    ['a man in the lobby punched me', 'threat'],
    ['this guy wont leave me alone', 'threat'],
    ['i dont feel safe, someone keeps staring and whispering', 'threat'],
    ['theres a guy threatening the staff at the desk', 'threat'],
    ['two men are fighting in the parking lot', 'threat'],
    ['he said he is going to hurt someone', 'threat'],
    ['me están siguiendo', 'threat'],
    ['a lady fainted in the stacks', 'medical'],
    ['she is not responding', 'medical'],
    ['an old man fell and hit his head', 'medical'],
    ['my chest hurts really bad', 'medical'],
    ['a kid is having an allergic reaction', 'medical'],
    ['someone is bleeding in the restroom', 'medical'],
    ['fire in the bathroom!!', 'fire'],
    ['a guy by the entrance is waving a knife', 'threat'],
    ['im planning to end it this weekend', 'self-harm'],
    ['he is 4, blue hat and striped shirt, please hurry', 'missing-child'],
    ["honestly i don't see the point anymore", 'self-harm'],
    ['so tired of living like this', 'self-harm'],
    ['i just want to jump off the parking garage', 'self-harm'],
    ['estoy cansada de vivir', 'self-harm'],
    ["haven't seen my grandson for 15 minutes, he was by the legos", 'missing-child'],
    ['my girlfriend beats me and i cant go back there tonight', 'threat'],
    ['im scared to go home, can someone help', 'threat'],
    ['a teen told my son he would bring a gun on friday', 'threat'],
    ['some guy is taking photos of the kids in storytime', 'threat'],
    ['mi pareja me golpea', 'threat'],
    ['tengo miedo, un señor me sigue desde la parada', 'threat'],
    ['the lady next to me has trouble breathing', 'medical'],
    ['does anyone have narcan?? guy in the restroom', 'medical'],
    ['bring the naloxone now, a man on the stairs is turning blue', 'medical'],
    ['it smells like gas by the side door', 'fire'],
    ['whats the least painless way. for me i mean', 'self-harm'],
    ['is there a place i could just stop existing', 'self-harm'],
    ['by the time you read this i will be gone', 'self-harm'],
    ['how much tylenol is too much, i think i took too much tylenol', 'self-harm'],
    ['done my letters to my children, this is the last one i will write', 'self-harm'],
    ['someone called saying a bomb in the building downtown', 'threat'],
    ['there is a package by the door with a timer on it', 'threat'],
    ['he said the librarians are going to pay for this', 'threat'],
    ['a man keeps throwing chairs around the reading room', 'threat'],
    ['my friend threw up blood in the bathroom', 'medical'],
    ['her ankle is bent the wrong way after she fell', 'medical'],
    ['his lips are turning blue', 'medical'],
    ['my throat is closing, peanut allergy', 'medical'],
    ['a lady in the lobby is having contractions', 'medical'],
    ['it smells strongly of gas near the elevator', 'fire'],
    ['my stepdad kicked me out of the house tonight, nowhere to go', 'shelter'],
    ['library closes soon and where am i supposed to go after', 'shelter'],
    ['my daughter went to the teen program and no one has heard from her since', 'missing-child'],
    // In languages the library has no articles in: the emergency still reaches staff.
    ['Je ne trouve plus mon fils, il avait un manteau rouge', 'missing-child'],
    ['找不到我的女儿了，她刚才在儿童区', 'missing-child'],
    ['لا أجد ابنتي في المكتبة', 'missing-child'],
    ['Он не дышит, вызовите скорую!', 'medical'],
    ['아이가 없어졌어요, 찾을 수가 없어요', 'missing-child'],
    ['Có cháy ở tầng hai', 'fire'],
    ['muốn chết, không ai quan tâm', 'self-harm'],
    ['我真的不想活了', 'self-harm'],
    ['pitit gason mwen te la a, kounye a mwen pa jwenn li', 'missing-child'],
    ['có một người lạ đi theo tôi từ bãi đậu xe', 'threat'],
    ["quelqu'un me suit depuis l'arrêt de bus", 'threat'],
    ['cancel my card, i wont be needing my card anymore. please give my books to whoever wants them', 'self-harm'],
    ['how many sleeping pills would it take, asking for real, not for a class', 'self-harm'],
    ['my son was supposed to arrive at the teen room an hour ago and he is not here', 'missing-child'],
    ['he beats me when he drinks', 'threat'],
    ['gave my cat to my sister today. this is my last time at the library, thank you for everything', 'self-harm'],
    ['i wrote letters to my kids and got everything in order, returning the books now', 'self-harm'],
    ['which is the tallest parking garage in town where you can get to the roof', 'self-harm'],
    ['a man at the computers is looking at something explicit with kids in it, children are right there', 'danger'],
    ['my family would be better off without me', 'self-harm'],
    ['why am i even still alive', 'self-harm'],
    ["lost my job and my apartment, i don't think i can keep going", 'self-harm'],
    ['theres a small girl alone by the front doors crying', 'missing-child'],
    ['a kid says he cant find his dad anywhere', 'missing-child'],
    ['shes 7, pink coat, long braids', 'missing-child'],
    ['that man said he will come back and shoot the staff', 'threat'],
    ['someone online says he knows where i sit in the library', 'threat'],
    ['the man by the window stopped breathing', 'medical'],
    ['a lady is lying on the floor by the elevator', 'medical'],
    ["i've taken too many of my meds and feel dizzy", 'self-harm'],
    ['a guy keeps taking videos of me at the computers', 'threat'],
    ['help, my son was right next to me by the picture books and now he is gone', 'missing-child'],
    ['we got evicted and have nowhere to sleep tonight', 'shelter'],
    ['no tengo donde dormir esta noche', 'shelter'],
    ['una señora está tirada en el piso y no responde', 'medical'],
    ['the outlet behind pc 3 is sparking and smells', 'fire'],
    ['mi papá tiene dolor de pecho y está sudando', 'medical'],
    ["i've been giving away all my things this week", 'self-harm'],
    ['sitting at pc 4 writing my farewell notes to everyone', 'self-harm'],
    ['everything is too much lately and i just want it to end', 'self-harm'],
    ['honestly feel like giving up on life these days', 'self-harm'],
    ['ya no aguanto más, a veces quiero desaparecer', 'self-harm'],
    ['i lost my deaf daughter, she is 6, she was by the puzzles', 'missing-child'],
    ['my little brother walked to the library after school and still isnt home, he is 10', 'missing-child'],
    ['someone just punched a security guard by the entrance', 'threat'],
    ['i am 16 and my stepdad kicked me out, i slept in the park', 'shelter'],
    ['my grandpa has alzheimers and wandered off from the lobby 20 min ago', 'danger'],
    ['se perdió mi abuela, salió de la casa hace una hora', 'danger'],
    ['there is a suitcase by the elevator that keeps ticking', 'danger'],
    ['a stranger near the picture books keeps touching the little girls', 'threat'],
    ['some guy keeps trying to make my son come with him to the parking lot', 'threat'],
    ['my ex took my money and locked me out of the apartment', 'threat'],
    ['plz come a kid fell down the steps outside', 'medical'],
    ["i've made up my mind. i decided i'm done. tell my sister the books are hers after i'm gone", 'self-harm'],
    ["Hi,\nI'm closing my account. I've given all my things away now. Goodbye and thanks for everything.", 'self-harm'],
    ['lately i keep thinking about not waking up, sorry to write this here', 'self-harm'],
    ['tell the manager if they ban me i will come back with something and make them regret it', 'threat'],
    ["my neighbour hasn't answered his door since friday and the lights are off, i'm afraid he has fallen", 'danger'],
    ['the man at the end table is looking at pictures of kids that are clearly abuse, what do i do', 'danger'],
    ['somebody should burn this whole place down with everyone inside', 'threat'],
    ['a guy by the magazines grabbed a teen girl by the wrist and will not let her go', 'threat'],
    ['the guy at the next table keeps touching my arm and it is creeping me out', 'threat'],
    ["i'll come to the desk tomorrow and make that clerk pay for what she said", 'threat'],
    ['fix my account by monday or someone is going to get hurt', 'threat'],
    ['i know which car your manager drives and where she parks', 'threat'],
    ['my nephew keeps my pension and leaves me with no food most weeks', 'threat'],
    ['a kid on pc 3 is reading how to build a pipe bomb and talking about his school', 'threat'],
    ['some days i feel like not doing anything at all ever again', 'self-harm'],
    ['our landlord locked us out this morning, me and my three kids are outside with no place to go', 'shelter'],
    ['my 4 year old ran out the side door and is heading toward the street', 'missing-child'],
    // Threatened or followed, in Ukrainian, Tagalog and French; a threat to a sibling with no library thing in it.
    ['мій сусід погрожує мені, я боюся йти додому', 'threat'],
    ['may lalaki pong sumusunod sa akin sa loob ng library', 'threat'],
    ['il me menace depuis ce matin, aidez-moi', 'threat'],
    ["i'm going to kill my brother when he gets home tonight", 'threat'],
    // Other languages: Somali, Tagalog, Korean, Persian, French.
    ['gabadhayda ayaa lumay, fadlan i caawiya', 'missing-child'],
    ['nahimatay po yung tatay ko sa may pintuan', 'medical'],
    ['요즘 그냥 죽고 싶다는 생각뿐이에요', 'self-harm'],
    ['یک مرد از ایستگاه کسی دنبالم آمده', 'threat'],
    ['je veux mourir, plus rien ne va', 'self-harm'],
    // Swahili and Chinese; a threat made to someone else in the room.
    ['mume wangu amenipiga tena, sina mahali pa kwenda usiku huu', 'threat'],
    ['女儿在儿童区玩，一转身就找不到了', 'missing-child'],
    ['a man by the printers is threatening a teenager and says he will hurt him', 'threat'],
    // Stepping in front of a bus; found by the one the patron hides from.
    ['every morning at the crossing i think about just walking out in front of the bus', 'self-harm'],
    ['my boyfriend found where i am staying now, is there a room where i can call a hotline from', 'threat'],
    // A father with dementia was to be in the reading room and is not (Russian).
    ['Мой папа с деменцией должен был быть в читальном зале, но его нет и он не отвечает', 'missing-child'],
    // Kept from leaving by someone holding the patron's phone.
    ['this guy grabbed my phone and says i am not leaving without him, im on a library pc', 'threat'],
    // Said of someone else, "kill me now" is a threat.
    ['my ex is outside and says he will kill me now', 'threat'],
    // A neighbour who lives alone has not answered the door since yesterday.
    ["my neighbor lives alone and hasn't answered her door since yesterday morning, the lights are on", 'danger'],
    ['mi tía no contesta el teléfono desde el domingo y vive sola', 'danger'],
    // A card given up with a farewell.
    ['please close out my card after next friday, i wont be needing it. thanks for everything', 'self-harm'],
    // A real one beside a fright.
    ['i almost had a heart attack laughing but now the man next to me is having a heart attack, call 911', 'medical'],
    ['the man at pc 4 is having a heart attack', 'medical'],
    ['a guy in the chat says he knows what time i leave work and which bus i ride', 'threat'],
    ['are there books on how to do it painlessly? not for a novel', 'self-harm'],
    // A child lured by an adult or a stranger met online.
    ['a boy in the teen room says a guy on roblox wants him to meet up outside tonight', 'danger'],
    ['my daughter says some adult in a chat asked her to come to the parking lot alone', 'danger'],
    // Means put by, a dose asked, a crash thought of, a stranger at the car door, labour in a car.
    ['renew my stuff please, ive been stockpiling my meds and dont think ill need them back', 'self-harm'],
    ['how much of it would be a lethal amount, asking for me', 'self-harm'],
    ['i keep thinking about steering into the barrier on the highway', 'self-harm'],
    ['nadie me va a extrañar, solo quería devolver los libros', 'self-harm'],
    ['a guy in the parking lot keeps circling my car and pulled my door handle', 'threat'],
    ['my sister is havin contractions 4 minutes apart in the lobby', 'medical'],
    ['taking these back today, im not coming back from this one', 'self-harm'],
    ['i tripped on the stairs by the kids room and i cant stand up', 'medical'],
    ['please have my neighbour return my books and close my card. my affairs are in order and i will not be needing it. i wanted someone to know', 'self-harm'],
    ['this guy keeps saying he will teach me a lesson when i walk out', 'threat'],
    ['haha fun night, my boyfriend smashed my phone and said next time it will be me', 'threat'],
    // A partner said to kill, with no overdue book or fine: it may be meant.
    ['my husband will kill me if he finds out i came here', 'threat'],
    ['my boyfriend will kill me if he sees this book', 'threat'],
    // A thank-you and a decision that this visit is the last.
    ['Thank you all for being kind to me. I decided tonight is my last time here. Goodbye', 'self-harm'],
    // One's own death asked about beside a plan; things handed on with a goodbye for good; "if he finds me he kills me".
    ["who gets my library stuff if im dead? not joking, ive made a plan for friday", 'self-harm'],
    ['signing off for good tonight. leaving my switch and my comics to my cousin, you guys were the best part of my week', 'self-harm'],
    ['me fui de la casa de mi esposo y él juró que si me halla me mata, ¿puedo quedarme aquí?', 'threat'],
    // Not around much longer; a last word for family; a burden; a walk from school not arrived; a son unheard from.
    ['renew nothing, i wont be around much longer anyway', 'self-harm'],
    ['if she asks, tell my dad im sorry. for everything', 'self-harm'],
    ['i feel like such a burden to my whole family lately', 'self-harm'],
    ['would anybody even notice if i disappeared', 'self-harm'],
    ['my 10 yr old was supposed to walk to eastside after school and still is not there', 'missing-child'],
    ['my daughter left main at 5 and nobody has heard from her, her phone is dead', 'missing-child'],
    ['came back and the stroller was empty, my baby was in it', 'missing-child'],
    // Shots, someone staring or waiting outside, home not safe, the Spanish "acosando".
    ['we heard gunshots in the parking lot at eastside', 'threat'],
    ['that guy is still staring at me from the next table', 'threat'],
    ["she's waiting outside and i'm scared to leave", 'threat'],
    ['its not safe at my house right now, can i stay here', 'threat'],
    ['un hombre me está acosando en la sala de lectura', 'threat'],
    // Someone slumped, a child locked in a car, a swimmer gone under, labour, a gas smell, someone cutting themselves.
    ['an old man slumped over at pc 5 and is not waking up', 'medical'],
    ['my toddler is locked in the car in your lot and its hot', 'medical'],
    ['a kid went under in the river out back and has not come up', 'medical'],
    ['my wife is in labor in the eastside lobby', 'medical'],
    ['someone is cutting herself in the teen restroom', 'medical'],
    // Not wanting to live as a topic to talk over, a cabinet emptied, pills bought without questions, a night chosen, painless ways.
    ['can i talk to a counselor here about not wanting to live anymore', 'self-harm'],
    ['i swallowed all the pills from my medicine cabinet an hour ago', 'self-harm'],
    ['where can i buy a lot of sleeping pills without a prescription, asking for me', 'self-harm'],
    ["today's the day i finally do it. you were all kind to me", 'self-harm'],
    ['are there painless ways to die, not for a book', 'self-harm'],
    // A child gone from a group, frostbite, a gas smell, a wandering parent with dementia, a stranger photographing children (Spanish).
    ['two of the kids from our class trip are not with the group anymore', 'missing-child'],
    ['been outside all night in the cold and i cant feel my toes anymore', 'medical'],
    ['really bad gas smell near the eastside boiler room', 'fire'],
    ['my husband has alzheimers and he wandered off from the large print section', 'danger'],
    ['ese tipo está sacándoles fotos a las niñas en la sala infantil', 'danger'],
    // A goodbye passed on through someone at the desk, with no move to explain it.
    ['hi?\n\nnever mind\n\nbye. tell mr lopez at the front desk thanks for everything', 'self-harm'],
    // A headcount short and a child described to be found; a missing child someone hopes is safe.
    ['scout troop at eastside: we have 9 scouts at the door and should have 10, please check the restrooms', 'missing-child'],
    ['boy named Theo, green hoodie, 6 years old, last seen by the lego table', 'missing-child'],
    ["my grandson is missing, i hope he's ok, he was by the computers", 'missing-child'],
    // Someone close not back and unreachable; the family better off without the patron, said gently.
    ['my grandma went to the knitting group at main at 10 and never came back, her phone goes straight to voicemail', 'missing-child'],
    ['honestly my family would do just fine without me these days', 'self-harm'],
  ])('%s → %s', (text, kind) => {
    expect(detectSafety(text)).toBe(kind);
  });

  it.each([
    'Harry Potter and the Goblet of Fire',
    'A Time to Kill',
    'To Kill a Mockingbird',
    'my son lost his library card',
    'books on fire safety',
    'the kindle fire app',
    'missing pages in this book',
    'A Fire in Thornarbrook',
    "i'm trying to get my kid to read more, any ideas",
    'once i m gone for the holidays can my husband pick up my holds',
    'the computer is not responding',
    'pc 7 not responding and the mouse is not moving',
    'books about the civil war and bleeding kansas',
    'do you have books about domestic violence for a class',
    'the fire alarm test is at noon?',
    // A friend meeting a child is no lure.
    'my son asked his friend to meet him outside after storytime',
    'my mom knows which bus i take, can she pick up my hold for me',
    "omg i lost my daughter!! ...'s library card. can we get another",
    'my coach is seriously gonna kill me if i dont finish this book by friday',
    'my dad will literally kill me if i dont get my community service hours done, do you need teen volunteers',
    "i can't go on using this ancient computer lol",
    // A child's thing lost, not the child; exasperation.
    "lost my daughter's library card again, how do we replace it",
    'my baby is missing a sock, did anyone find a tiny blue one',
    'mi hija perdió su libro de la escuela',
    'ugh kill me, i left my card in the car',
    // Failing a test is dying only as a way of speaking; so is a last visit before a move.
    'gonna die if i flunk my chem final, can i print my notes',
    // "Shoot me a text" asks for a message; books handed on for good are a gift.
    'hold the new Nosrat cookbook and shoot me an email once it arrives',
    // A child gone on ahead to where the parent is going; an "overdose" of e-mails.
    'my daughter ran off ahead to the lego club, what floor is that on',
    'getting an overdose of reminder emails for a dvd i already brought back',
    // Away on a trip; a hold someone else picks up; a first-aid topic; a message to pass on.
    "on vacation next week so i won't be around much longer than friday, can my son get my holds",
    'i am not going to be here to pick up my hold, can my husband get it',
    'any nursing books on gunshot wounds for my trauma course',
    'tell my mom i will be late, she is waiting at the front desk',
    'handing my kids picture books to my niece for good now they have outgrown them',
    'what happens to my fines when i am gone for winter break? my plan is to pay in january',
    "we're moving to Texas so I decided this is my last visit, thanks for everything!",
    'how do i make the payment for my fines online',
    'what is the most painless way to pay a fine online',
    'i damaged the cover, i will pay for it',
    'books about the atomic bomb in the library',
    'what are contractions in english grammar',
    "i'm writing a letter to my kids, can i print it before i go",
    'we gave our dog to the shelter adoption event last week, do you have puppy training books',
    'what is the tallest building downtown, for a school project',
    'parking downtown is impossible, where am i supposed to go',
    "i'm going to die if i don't get the next book in the series",
    'a man is watching porn on the computer by the teen area',
    'is there anyone at the chess club who could beat me',
    'my brother always beat me at scrabble, any word game books?',
    'the copier is on fire today, jk, it is just slow',
    'do you have books on how many calories are in pills and supplements for a class',
    'Soy Socorro Pérez, quiero renovar mis libros',
    'Pouvez-vous m’aider à trouver un livre pour mon fils ?',
    '请问图书馆明天几点开门？',
    'Máy tính số 5 không vào được mạng',
    'ساعدوني في العثور على كتاب عن الطبخ',
    'can you make the copier pay by card',
    'my daughter takes my library card to pick up my holds, is that ok',
    'the teen program is making bird feeders this week',
    'my grandma has not answered her phone today, can you check if she picked up her holds',
    'do you have picture books about children who were abused, for a counselor',
    'can you blow up this map on the big printer for my class',
    'the kiosk will not let me go to the next page',
    'i will come back with my library card tomorrow',
    'hi, got any picture books about grief? my niece lost her grandpa last month',
    'my daughter lost our copy of the goblet of fire, how do i pay for it',
    'is there a naloxone class this winter for community members',
    'been waiting on this hold so long i might die of old age first',
    'need articles for my paper on self harm prevention programs in schools',
    '¿dan capacitación sobre prevención del suicidio a maestros?',
    'fue un simulacro de incendio lo de esta mañana?',
    'my daughter is walking to the library after school, what time do you close',
    'i was thinking of not coming back to the book club, is that ok',
    'the landlord changed the locks on the community room, who has the key?',
    'I have not seen my library card in weeks',
    'any copies of the goblet of fire on the shelf?',
    'do you have books about suicide prevention for a class',
    'information on self-harm for my psychology paper',
    'my daughter lost her library card at school',
    'he fell asleep in the reading room',
    'my daughter left her gloves at storytime, is there a lost and found',
    "i'm homeless, can i still get a library card?",
    'my daughter hasn’t returned her library book yet',
    'Fight Club on dvd',
    'can i renew the end of everything',
    'the computer kicked me off after an hour',
    'my mom has dementia, do you have books for caregivers?',
    'can I take pictures of my kids at story time?',
    'I want it to stop printing double sided',
    'i lost my library card, my daughter is upset',
    'should I give up on renewing this book?',
    'my sister is not home today, can I pick up her hold?',
    'the security guard kicked me out for eating',
    'i slept in the study room by accident lol',
    'a suspicious email asked for my library pin',
    'my dad is lost without his reading glasses, did anyone find them?',
    "I'm a bit lost. My granddaughter set up my tablet, do you have a class on e-mail?",
    'the fire alarm went off at eastside, was that a drill or can we go back in?',
    'shoot me now, the printer wants my pin again',
    'I need books about overdose prevention for my public health class',
    'dune please, my brother lost ours on the bus',
    // Figures of speech.
    'my dad is gonna kill me, this dvd is two weeks overdue',
    "i'm going to kill my roommate if she spills coffee on my library book again lmao",
    'gonna strangle my little sister, she took my overdue dvds to a sleepover',
    // Lost with a new phone; an alarm that is over; delight said as dying.
    'my son set up this tablet for me and honestly i am so lost, any classes?',
    'the fire alarm went off earlier this morning, is eastside back open now?',
    'that last chapter was so funny i could die, do you have the sequel',
    // A plot described.
    'is the one where the teen attempts suicide on the shelf? its for our book club',
    // Exasperation said as "kill me now"; an alarm over, with a thing left inside.
    'ugh kill me now, my library card is in my other coat',
    'the alarm rang and everybody had to leave, i left my backpack upstairs, can i get it',
    // A card given up for a move.
    'we are moving to maine, please close my card after this week, wont be needing it. thanks for everything',
    // A fright said as a heart attack.
    'that late fee letter almost gave me a heart attack, why is it $30?',
    'i nearly had a heart attack when i couldnt find my card, found it. how do i change my pin',
    "grandpa will have a heart attack if his western is checked out, can you hold it for him",
    // Children who will not leave are not missing.
    "lost my two boys in the lego corner an hour ago, they won't leave haha. when do you close",
    // A landlord's deadline over a form.
    "my landlord is going to kill me if this lease isn't signed and faxed back by 5",
    // A thing that must happen in time, said as dying; lost in a story; a child's card; danger long past.
    'i will die if my renewal is not done before friday',
    'not sure ill be around next month so dont bother with the hold',
    'i just about had a heart attack at that fee, what is it for',
    'my husband will kill me if these dvds go overdue again, renew please',
    'my kid is literally going to kill me if i forget the next wimpy kid book',
    'i have a 3 hour gap between classes and nowhere to go, can i sit in the reading room',
    'where is the restroom at main? diaper emergency lol',
    'es una emergencia de pañal, ¿dónde está el baño?',
    'this is an emergency lol, i need the new grisham before my flight',
    'my daughter is going to kill me if her hold expires, can you renew it',
    'we are moving and have our affairs in order, please close the card',
    'since my stroke i listen to audiobooks, how do i get more of them',
    'i am going to kill my daughter, she lost another library dvd. what is the charge',
    'after surgery and a month at my mother s i lost track of what is due',
    'my son s hold was supposed to be ready on friday, any news',
    'my son is totally lost in the percy jackson books, what comes after the lightning thief',
    'what is out on my son s card? he is 7 and we cant find one of the dvds',
    'as a survivor of abuse (safe now for years) i want to read about protective order law',
    // The danger is the subject of the patron's work or studies.
    'any books about overdose risk? im a nursing student studying for boards',
    // A partner's anger over a lost card; a fright told as a near heart attack.
    'my husband is going to kill me, i lost his library card again. how do i replace it',
    'the fire drill during my exam last week, i nearly had a heart attack. can i test in a quiet room',
    // Hyperbole over a book not in, and a hurry about printing.
    'my daughter will literally kill me if you dont have the new wimpy kid book, is it in?',
    'URGENT this is an emergency, how can i print my bus ticket from my email',
    // A child who misses a program is not missing.
    'my son is lost without the lego club, is it coming back in january',
    // A machine that does not respond is broken, not hurt.
    'la impresora del segundo piso no responde, ya la apagué dos veces',
    'el escáner de la sala de historia no responde desde la mañana',
    // Dementia and the cold told without anyone gone or hurt; painless wording about a thing.
    'my mom has dementia, can she still keep her library card in her own name',
    "it's freezing in the reading room, can you turn the heat up",
    'is there a painless way to renew everything at once',
    // Exasperation opening a message about an everyday slip; books on a loss for a group the patron runs;
    // a goodbye with a move to explain it.
    'kill me, forgot my password for the second time this week',
    // A child who lost a tooth, not a child lost.
    'my son lost a tooth at storytime, did anybody find it?',
    // A partner's anger over a torn page; a child "lost" among the shelves who is fine and will not leave; a headcount that adds up.
    'my wife will kill me, the baby tore the cover off a library board book. what do we owe?',
    "lost my daughter in the graphic novels again haha she's fine, she just won't leave",
    'we counted 18 students and should have 18, thanks for the great visit',
    // A child's card lost; a child lost in a series; a repair man and a copier that never came back.
    'lost my son library card again, how do we replace it',
    'my granddaughter disappeared into the Narnia books this fall, do you have the last one?',
    'the repair guy never came back and the copier still gives no answer',
    'Do you have books on grieving after a suicide? I facilitate a support group for families.',
    "bye everyone! we're moving to Denver, tell Ms Chen thanks for everything",
  ])('not "%s"', (text) => {
    expect(detectSafety(text)).toBeUndefined();
  });
});

describe('isUnsupportedLanguage', () => {
  it.each([
    'هل يمكنني استعارة كتاب؟',
    '请问图书馆周末开门吗',
    'Вы работаете в субботу?',
    'Est-ce que je peux avoir une carte ?',
    // Urgent messages in French, Haitian Creole and Somali.
    "Un homme m'attend devant la porte depuis une heure, j'ai peur",
    'Tanpri, yon granmoun tonbe nan twalèt la',
    'Gabadhayda ayaa lumay, fadlan i caawiya',
    'Open po ba kayo bukas ng umaga?',
    'Vocês têm curso de inglês para adultos?',
    'Ma leedihiin buugaag carruurta?',
  ])('%s', (text) => {
    expect(isUnsupportedLanguage(text)).toBe(true);
  });

  it.each([
    'can i get a card', '¿tienen libros en español?', 'pc 8 no internet', 'ok', 'Søren Kierkegaard books',
    // English with a Tagalog courtesy word said again and again.
    'hi po, open po ba kayo on dec 27 po? thank u po',
  ])('not "%s"', (text) => {
    expect(isUnsupportedLanguage(text)).toBe(false);
  });
});

describe('tokenize', () => {
  it('spells out "\'ll" so that "i\'ll" never reads as "ill"', () => {
    expect(tokenize("I'll pick it up tmrw")).toEqual(['i', 'will', 'pick', 'it', 'up', 'tomorrow']);
    expect(tokenize('we’ll be late')).toEqual(['we', 'will', 'be', 'late']);
    expect(tokenize("won't open")).toEqual(['will', 'not', 'open']);
  });

  it('reads a greeting or thanks with its last letter drawn out as the word, and leaves other doubled endings', () => {
    expect(tokenize('holaa graciasss byeee')).toEqual(['hola', 'gracias', 'bye']);
    expect(tokenize('call all staff')).toEqual(['call', 'all', 'staff']);
  });

  it('spells out words written as they sound', () => {
    expect(tokenize('wen can i pik up my buks frum the libary')).toEqual(['when', 'can', 'i', 'pik', 'up', 'my', 'books', 'from', 'the', 'library']);
    expect(tokenize('kiero saver a ke ora sierran la bibloteca')).toEqual(['quiero', 'saber', 'a', 'que', 'ora', 'cierran', 'la', 'biblioteca']);
    expect(tokenize('can i renwe dis, my compuetr is not werking')).toEqual(['can', 'i', 'renew', 'this', 'my', 'computer', 'is', 'not', 'working']);
    expect(tokenize('get da book wit da caterpillar fo my keiki')).toEqual(['get', 'da', 'book', 'with', 'da', 'caterpillar', 'for', 'my', 'keiki']);
  });

  it('reads Taglish as the English request without its Tagalog particles', () => {
    expect(tokenize('pwede po ba i-renew yung mga dvd ko')).toEqual(['can', 'i', 'renew', 'dvd']);
    expect(tokenize('saan po ang printer')).toEqual(['where', 'ang', 'printer']);
  });
});

describe('foldToWords', () => {
  it('folds accents and case, turns apostrophes and punctuation into single spaces, and keeps "?" when asked', () => {
    expect(foldToWords("  What's  ON — Mañana?! ")).toBe('what s on manana');
    expect(foldToWords('¿Y el día anterior? ¿cierran?', '?')).toBe('y el dia anterior? cierran?');
  });
});
