/** Word lists for the demo catalog: real books a public library holds, and parts to make realistic others. */

export interface KnownBook {
  title: string;
  subtitle?: string;
  author: string;
  year: number;
  isbn?: string;
  /** ISBNs of other editions the record covers (further MARC 020s): the paperback, the board book. */
  otherIsbns?: string[];
  call: string;
  subjects: string[];
  /** Further authors (MARC 700), in catalogue order. */
  coauthors?: string[];
  series?: string;
  /** MARC 520. */
  summary?: string;
  language?: string;
  /** Other titles it is known by: the original of a translation (MARC 240), varying titles (246). Searched as titles. */
  otherTitles?: string[];
}

export const KNOWN_BOOKS: KnownBook[] = [
  { title: "Harry Potter and the Sorcerer's Stone", author: 'Rowling, J. K.', year: 1998, isbn: '9780439708180', otherIsbns: ['9780590353427'], call: 'J FIC ROW', subjects: ['Wizards -- Fiction', 'Magic -- Fiction', 'Schools -- Fiction', 'England -- Fiction'], series: 'Harry Potter ; 1', otherTitles: ["Harry Potter and the Philosopher's Stone"], summary: 'Rescued from the outrageous neglect of his aunt and uncle, a young boy with a great destiny proves his worth while attending Hogwarts School of Witchcraft and Wizardry.' },
  { title: 'Harry Potter and the Chamber of Secrets', author: 'Rowling, J. K.', year: 1999, isbn: '9780439064873', otherIsbns: ['9780439064866'], call: 'J FIC ROW', subjects: ['Wizards -- Fiction', 'Magic -- Fiction', 'Schools -- Fiction'], series: 'Harry Potter ; 2', summary: 'In his second year at Hogwarts, Harry hears a voice in the walls, students are found turned to stone, and an old diary that writes back leads him to the hidden Chamber of Secrets and the giant serpent, a basilisk, that lives there.' },
  { title: 'Harry Potter and the Prisoner of Azkaban', author: 'Rowling, J. K.', year: 1999, isbn: '9780439136358', otherIsbns: ['9780439136365'], call: 'J FIC ROW', subjects: ['Wizards -- Fiction', 'Magic -- Fiction'], series: 'Harry Potter ; 3', summary: 'In his third year at Hogwarts, Harry learns that Sirius Black, a convicted murderer, has escaped the wizard prison of Azkaban, and the soul-sucking dementors sent to guard the school seem to be after Harry himself.' },
  { title: 'Harry Potter and the Goblet of Fire', author: 'Rowling, J. K.', year: 2000, isbn: '9780439139595', otherIsbns: ['9780439139601'], call: 'J FIC ROW', subjects: ['Wizards -- Fiction', 'Magic -- Fiction', 'Contests -- Fiction'], series: 'Harry Potter ; 4', summary: 'Harry\'s name comes out of the Goblet of Fire, making him a fourth champion in the dangerous Triwizard Tournament against students from two other schools of magic, while Lord Voldemort prepares his return.' },
  { title: 'The Firm', author: 'Grisham, John', year: 1991, isbn: '9780385416344', call: 'FIC GRISHAM', subjects: ['Law firms -- Fiction', 'Memphis (Tenn.) -- Fiction', 'Legal stories'], summary: 'A top Harvard Law graduate accepts a lavish offer from a small Memphis law firm, then learns from the FBI that the firm launders money for the Mafia and that no lawyer has ever left it alive.' },
  { title: 'The Pelican Brief', author: 'Grisham, John', year: 1992, isbn: '9780385421980', call: 'FIC GRISHAM', subjects: ['Law students -- Fiction', 'Legal stories'], summary: 'After two Supreme Court justices are assassinated, a Tulane law student writes a legal brief guessing who is behind the killings, and when her theory proves right she must run for her life with a Washington reporter.' },
  { title: 'A Time to Kill', author: 'Grisham, John', year: 1989, isbn: '9780385338608', call: 'FIC GRISHAM', subjects: ['Trials (Murder) -- Fiction', 'Mississippi -- Fiction', 'Legal stories'], summary: 'In a small Mississippi town a Black father takes justice into his own hands and shoots the two white men who raped his ten-year-old daughter; a young lawyer defends him in a murder trial that divides the county.' },
  { title: 'The Client', author: 'Grisham, John', year: 1993, isbn: '9780385424714', call: 'FIC GRISHAM', subjects: ['Boys -- Fiction', 'Legal stories'], summary: 'An eleven-year-old boy in Memphis witnesses a mob lawyer\'s suicide and learns where a murdered senator is buried; hunted by the mob and pressed by the FBI, he hires a determined lawyer to protect him.' },
  { title: 'Camino Island', author: 'Grisham, John', year: 2017, isbn: '9780385543026', call: 'FIC GRISHAM', subjects: ['Book thefts -- Fiction', 'Booksellers and bookselling -- Fiction'], summary: 'After a daring theft of F. Scott Fitzgerald\'s original manuscripts from the Princeton library, a struggling young novelist is hired to go undercover among the writers around a bookseller on a Florida island.' },
  { title: 'Salt, Fat, Acid, Heat', subtitle: 'mastering the elements of good cooking', author: 'Nosrat, Samin', year: 2017, isbn: '9781476753836', call: '641.5 NOS', subjects: ['Cooking', 'Flavor'], summary: 'A chef and writer explains the four elements of good cooking, with illustrations, charts and recipes, so that home cooks can make any dish delicious without a recipe.' },
  { title: 'Rosa Mexicano', subtitle: 'a culinary autobiography with 60 recipes', author: 'Rosa, Maria', year: 2004, call: '641.5972 ROS', subjects: ['Cooking, Mexican'], summary: 'The founder of a New York restaurant tells the story of her life in food, with sixty recipes of regional Mexican home cooking.' },
  { title: 'The Joy of Cooking', author: 'Rombauer, Irma S.', year: 2019, isbn: '9781501169717', call: '641.5973 ROM', subjects: ['Cooking, American'], summary: 'The classic American kitchen reference, revised and updated, with thousands of recipes from everyday meals to holidays and techniques for cooks of every level.' },
  { title: 'Mastering the Art of French Cooking', author: 'Child, Julia', year: 2001, isbn: '9780375413407', call: '641.5944 CHI', subjects: ['Cooking, French'], summary: 'The landmark guide that brought French cuisine to American home kitchens, with detailed step-by-step recipes from soups and sauces to boeuf bourguignon.' },
  { title: 'Essentials of Classic Italian Cooking', author: 'Hazan, Marcella', year: 1992, isbn: '9780394584041', call: '641.5945 HAZ', subjects: ['Cooking, Italian'], summary: 'A complete guide to traditional Italian home cooking: pasta, risotto, soups, vegetables and desserts, with the techniques behind them.' },
  { title: 'Python Crash Course', subtitle: 'a hands-on, project-based introduction to programming', author: 'Matthes, Eric', year: 2019, isbn: '9781593279288', otherIsbns: ['9781718502703'], call: '005.133 MAT', subjects: ['Python (Computer program language)', 'Computer programming'], summary: 'A fast-paced introduction to programming in Python for beginners: the basics of the language, then projects building a simple video game, data visualizations and a web application.' },
  { title: 'Sapiens', subtitle: 'a brief history of humankind', author: 'Harari, Yuval N.', year: 2015, isbn: '9780062316097', otherIsbns: ['9780062316110'], call: '909 HAR', subjects: ['Civilization -- History', 'Human beings -- History'], summary: 'How Homo sapiens, one of several human species, came to rule the planet: from the cognitive revolution of the Stone Age through farming, money, empires and science to the present.' },
  { title: 'Becoming', author: 'Obama, Michelle', year: 2018, isbn: '9781524763138', call: 'B OBAMA', subjects: ["Presidents' spouses -- United States -- Biography"], summary: 'The former First Lady of the United States tells her story, from her childhood on the South Side of Chicago through her career as a lawyer and her years in the White House.' },
  { title: 'Educated', subtitle: 'a memoir', author: 'Westover, Tara', year: 2018, isbn: '9780399590504', call: 'B WESTOVER', subjects: ['Women -- Education -- Idaho', 'Survivalism'], summary: 'Born to survivalist parents in the mountains of Idaho, the author never set foot in a classroom until seventeen; she taught herself enough to enter college and went on to earn a PhD from Cambridge University.' },
  { title: 'Where the Crawdads Sing', author: 'Owens, Delia', year: 2018, isbn: '9780735219090', otherIsbns: ['9780735219106'], call: 'FIC OWENS', subjects: ['Marshes -- Fiction', 'North Carolina -- Fiction'], summary: 'Abandoned by her family as a child, Kya grows up alone in the marshes of the North Carolina coast, known in town as the Marsh Girl, until a young man is found dead and she is suspected of his murder.' },
  { title: 'The Very Hungry Caterpillar', author: 'Carle, Eric', year: 1987, isbn: '9780399208539', otherIsbns: ['9780399226908'], call: 'E CAR', subjects: ['Caterpillars -- Fiction', 'Butterflies -- Fiction', 'Picture books for children'], summary: 'A very hungry caterpillar eats his way through a varied and very large quantity of food until, full at last, he forms a cocoon around himself and goes to sleep, then wakes up a beautiful butterfly.' },
  { title: 'Where the Wild Things Are', author: 'Sendak, Maurice', year: 1963, isbn: '9780060254926', otherIsbns: ['9780064431781'], call: 'E SEN', subjects: ['Monsters -- Fiction', 'Picture books for children'], summary: 'After he is sent to bed without supper for making mischief in his wolf suit, Max sails to the land of the wild things, where he is made their king.' },
  { title: 'Maus', subtitle: "a survivor's tale", author: 'Spiegelman, Art', year: 1986, isbn: '9780394747231', otherIsbns: ['9780679406419'], call: 'GN 940.5318 SPI', subjects: ['Holocaust, Jewish (1939-1945) -- Comic books, strips, etc.', 'Graphic novels'], summary: 'The story of Vladek Spiegelman, a Polish Jew who survived Auschwitz, told by his son, a cartoonist, in a graphic novel in which Jews are drawn as mice and Nazis as cats.' },
  { title: 'Persepolis', author: 'Satrapi, Marjane', year: 2003, isbn: '9780375714573', otherIsbns: ['9780375714832'], call: 'GN 955.054 SAT', subjects: ['Iran -- History -- Comic books, strips, etc.', 'Graphic novels'], summary: 'A graphic memoir of growing up in Tehran during the Islamic Revolution and the war with Iraq, told by a young girl in black and white drawings.' },
  { title: 'The Hunger Games', author: 'Collins, Suzanne', year: 2008, isbn: '9780439023481', otherIsbns: ['9780439023528'], call: 'YA FIC COL', subjects: ['Survival -- Fiction', 'Television programs -- Fiction', 'Young adult fiction'], series: 'Hunger Games ; 1', summary: 'In a future North America, sixteen-year-old Katniss Everdeen takes her younger sister\'s place in the Hunger Games, a televised fight to the death between teenagers from the twelve districts.' },
  { title: 'Dune', author: 'Herbert, Frank', year: 1965, isbn: '9780441172719', otherIsbns: ['9780441013593'], call: 'FIC HERBERT', subjects: ['Science fiction', 'Life on other planets -- Fiction'], summary: 'On the desert planet Arrakis, the only source of the precious spice, young Paul Atreides and his family are betrayed, and Paul joins the desert people, the Fremen, among the giant sandworms.' },
  { title: 'Cien años de soledad', author: 'García Márquez, Gabriel', year: 1967, isbn: '9780307474728', call: 'SPA FIC GARCIA', subjects: ['Families -- Colombia -- Fiction'], language: 'spa', summary: 'La historia de siete generaciones de la familia Buendía en el pueblo imaginario de Macondo, fundado en medio de la selva colombiana.' },
  { title: 'Introduction to Algorithms', author: 'Cormen, Thomas H.', coauthors: ['Leiserson, Charles E.', 'Rivest, Ronald L.', 'Stein, Clifford'], year: 2009, isbn: '9780262033848', otherIsbns: ['9780262046305'], call: 'QA76.6 .C662 2009', subjects: ['Computer programming', 'Computer algorithms'], summary: 'A comprehensive textbook on the design and analysis of computer algorithms and data structures, used in university courses and as a reference.' },
  { title: 'The Pragmatic Programmer', subtitle: 'your journey to mastery', author: 'Thomas, David', year: 2019, isbn: '9780135957059', call: '005.1 THO', subjects: ['Computer programming'], summary: 'Practical advice for software developers on writing flexible, maintainable code and on the habits and attitudes of a good programmer.' },
  // Spanish editions of popular titles, as a library serving Spanish speakers holds them.
  { title: 'Harry Potter y la piedra filosofal', author: 'Rowling, J. K.', year: 1999, call: 'SPA J FIC ROW', subjects: ['Wizards -- Fiction', 'Magic -- Fiction', 'Spanish language materials'], series: 'Harry Potter ; 1', language: 'spa', otherTitles: ["Harry Potter and the philosopher's stone", "Harry Potter and the sorcerer's stone"], summary: 'Harry Potter descubre en su undécimo cumpleaños que es un mago y entra en el Colegio Hogwarts de Magia y Hechicería.' },
  { title: 'Los juegos del hambre', author: 'Collins, Suzanne', year: 2012, call: 'SPA YA FIC COL', subjects: ['Survival -- Fiction', 'Spanish language materials'], series: 'Los juegos del hambre ; 1', language: 'spa', otherTitles: ['Hunger games'], summary: 'Katniss Everdeen, de dieciséis años, ocupa el lugar de su hermana en los Juegos del Hambre, una lucha a muerte televisada entre jóvenes de los doce distritos.' },
  { title: 'La oruga muy hambrienta', author: 'Carle, Eric', year: 1994, call: 'SPA E CAR', subjects: ['Caterpillars -- Fiction', 'Butterflies -- Fiction', 'Spanish language materials'], language: 'spa', otherTitles: ['Very hungry caterpillar'], summary: 'Una oruga muy hambrienta come de todo durante una semana, hace un capullo y se convierte en una hermosa mariposa.' },
  { title: 'Donde viven los monstruos', author: 'Sendak, Maurice', year: 1996, call: 'SPA E SEN', subjects: ['Monsters -- Fiction', 'Spanish language materials'], language: 'spa', otherTitles: ['Where the wild things are'], summary: 'Max, castigado sin cenar, viaja en barco hasta el país donde viven los monstruos y se convierte en su rey.' },
  { title: 'La chica salvaje', author: 'Owens, Delia', year: 2019, call: 'SPA FIC OWENS', subjects: ['Marshes -- Fiction', 'North Carolina -- Fiction', 'Spanish language materials'], language: 'spa', otherTitles: ['Where the crawdads sing', 'Donde cantan los cangrejos'], summary: 'Kya crece sola en las marismas de Carolina del Norte hasta que un joven aparece muerto y ella es sospechosa.' },
  { title: 'Sapiens', subtitle: 'de animales a dioses', author: 'Harari, Yuval N.', year: 2014, call: 'SPA 909 HAR', subjects: ['Civilization -- History', 'Spanish language materials'], language: 'spa', otherTitles: ['Ḳitsur toldot ha-enoshut'], summary: 'Una breve historia de la humanidad, desde la Edad de Piedra hasta el presente.' },
];

export interface Topic {
  subject: string;
  dewey: string;
  lc: string;
  nouns: string[];
  /** The shelving collection the demo places it in. */
  location: string;
}

export const TOPICS: Topic[] = [
  { subject: 'Cooking', dewey: '641.5', lc: 'TX714', nouns: ['Kitchen', 'Recipes', 'Table', 'Feast', 'Skillet', 'Pantry'], location: 'Cookbooks' },
  { subject: 'Cooking, Italian', dewey: '641.5945', lc: 'TX723', nouns: ['Pasta', 'Trattoria', 'Nonna', 'Tuscany'], location: 'Cookbooks' },
  { subject: 'Cooking, Mexican', dewey: '641.5972', lc: 'TX716.M4', nouns: ['Tortilla', 'Salsa', 'Mole', 'Comal'], location: 'Cookbooks' },
  { subject: 'Baking', dewey: '641.815', lc: 'TX763', nouns: ['Bread', 'Oven', 'Sourdough', 'Pastry'], location: 'Cookbooks' },
  { subject: 'Gardening', dewey: '635', lc: 'SB453', nouns: ['Garden', 'Seeds', 'Harvest', 'Compost', 'Roses'], location: 'Adult Nonfiction' },
  { subject: 'United States -- History -- Civil War, 1861-1865', dewey: '973.7', lc: 'E468', nouns: ['Battle', 'Union', 'Gettysburg', 'Soldiers'], location: 'Adult Nonfiction' },
  { subject: 'World War, 1939-1945', dewey: '940.53', lc: 'D743', nouns: ['War', 'Normandy', 'Pacific', 'Resistance', 'Blitz'], location: 'Adult Nonfiction' },
  { subject: 'Computer programming', dewey: '005.1', lc: 'QA76.6', nouns: ['Code', 'Software', 'Programs', 'Algorithms'], location: 'Adult Nonfiction' },
  { subject: 'JavaScript (Computer program language)', dewey: '005.133', lc: 'QA76.73.J39', nouns: ['JavaScript', 'Web', 'Browser', 'Node'], location: 'Adult Nonfiction' },
  { subject: 'Birds -- North America -- Identification', dewey: '598.097', lc: 'QL681', nouns: ['Birds', 'Warblers', 'Hawks', 'Sparrows', 'Owls'], location: 'Adult Nonfiction' },
  { subject: 'Astronomy', dewey: '520', lc: 'QB43.3', nouns: ['Stars', 'Galaxies', 'Telescope', 'Cosmos', 'Planets'], location: 'Adult Nonfiction' },
  { subject: 'Dinosaurs', dewey: '567.9', lc: 'QE861.5', nouns: ['Dinosaurs', 'Fossils', 'Raptors', 'Bones'], location: 'Kids Nonfiction' },
  { subject: 'Personal finance', dewey: '332.024', lc: 'HG179', nouns: ['Money', 'Budget', 'Savings', 'Wealth', 'Debt'], location: 'Adult Nonfiction' },
  { subject: 'Mindfulness (Psychology)', dewey: '158.13', lc: 'BF637.M56', nouns: ['Mind', 'Calm', 'Breath', 'Attention'], location: 'Adult Nonfiction' },
  { subject: 'Dogs -- Training', dewey: '636.70887', lc: 'SF431', nouns: ['Dog', 'Puppy', 'Leash', 'Tricks'], location: 'Adult Nonfiction' },
  { subject: 'Knitting -- Patterns', dewey: '746.432', lc: 'TT825', nouns: ['Yarn', 'Sweaters', 'Stitches', 'Socks'], location: 'Adult Nonfiction' },
  { subject: 'Detective and mystery stories', dewey: '813.54', lc: 'PS3568', nouns: ['Murder', 'Detective', 'Secrets', 'Alibi', 'Witness'], location: 'Fiction' },
  { subject: 'Science fiction', dewey: '813.6', lc: 'PS3619', nouns: ['Stars', 'Empire', 'Station', 'Colony', 'Machine'], location: 'Fiction' },
  { subject: 'Love stories', dewey: '813.6', lc: 'PS3612', nouns: ['Heart', 'Summer', 'Promise', 'Wedding', 'Letters'], location: 'Fiction' },
  { subject: 'Fantasy fiction', dewey: '813.6', lc: 'PS3623', nouns: ['Dragon', 'Kingdom', 'Sword', 'Crown', 'Witch'], location: 'Fiction' },
  { subject: 'Graphic novels', dewey: '741.5973', lc: 'PN6727', nouns: ['Hero', 'Panels', 'City', 'Mask'], location: 'Graphic Novels' },
  { subject: 'Picture books for children', dewey: '813.54', lc: 'PZ7', nouns: ['Bear', 'Bunny', 'Moon', 'Bedtime', 'Friends'], location: 'Picture Books' },
  { subject: 'Young adult fiction', dewey: '813.6', lc: 'PZ7', nouns: ['Rebel', 'Academy', 'Secrets', 'Summer'], location: 'Teen' },
  { subject: 'Travel -- Guidebooks', dewey: '914.04', lc: 'D909', nouns: ['Europe', 'Roads', 'Journey', 'Maps'], location: 'Travel' },
  { subject: 'Poetry', dewey: '811.6', lc: 'PS3600', nouns: ['Poems', 'Songs', 'River', 'Light'], location: 'Adult Nonfiction' },
];

export const ADJECTIVES = ['Silent', 'Hidden', 'Last', 'Lost', 'Golden', 'Broken', 'Secret', 'Midnight', 'Quiet', 'Wild', 'Little', 'Great', 'Forgotten', 'Bright', 'Dark', 'Winter', 'Summer', 'Burning', 'Distant', 'Crooked', 'Hollow', 'Painted', 'Northern', 'Complete', 'Essential', 'Practical', 'Everyday', 'Modern', 'Simple', 'Illustrated'];

export const TITLE_PATTERNS = [
  'The {adj} {noun}',
  '{noun} of the {adj} {noun2}',
  'A History of {subject}',
  'The {adj} Guide to {subject}',
  '{subject} for Beginners',
  'The {noun} Book',
  '{adj} {noun}',
  'Beyond the {noun}',
  'The {noun} and the {noun2}',
  'Everything You Need to Know About {subject}',
  'How to Read a {noun}',
  'Notes from the {noun}',
];

export const FIRST_NAMES = ['James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Carlos', 'Maria', 'Wei', 'Aisha', 'Hiroshi', 'Priya', 'Olga', 'Ahmed', 'Fatima', 'Kwame', 'Ingrid', 'Diego', 'Amara', 'Liam', 'Noah', 'Emma', 'Olivia', 'Sofia', 'Lucas', 'Chloe', 'Mateo', 'Zoe'];

export const LAST_NAMES = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores', 'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts', 'Okafor', 'Nakamura', 'Kowalski', 'Novak', 'Petrov', 'Haddad', 'Schmidt', 'Rossi', 'Dubois', 'Lindqvist', 'Mbeki', 'Chen', 'Patel', 'Kim', 'Singh', 'Cohen', 'Murphy', 'Brennan', 'Fischer', 'Moreau'];

export const PUBLISHERS = ['Penguin Books', 'Random House', 'HarperCollins', 'Simon & Schuster', 'Macmillan', 'Scholastic', 'Little, Brown', 'Knopf', 'Ten Speed Press', "O'Reilly Media", 'Chronicle Books', 'Workman Publishing', 'National Geographic', 'DK Publishing', 'Candlewick Press'];

export const SPANISH_TITLES = ['La casa de los espíritus', 'El jardín secreto', 'Cocina mexicana tradicional', 'Historia de España', 'El niño y la luna', 'Cuentos para dormir', 'La sombra del viento', 'Aprende inglés rápido'];

/** Common title words, so that the demo vocabulary is closer to a real catalog's than a few topics'. */
export const TITLE_WORDS = ['River', 'Mountain', 'House', 'Garden', 'Island', 'Road', 'Window', 'Letter', 'Daughter', 'Son', 'Mother', 'Father', 'Sister', 'Brother', 'Friend', 'Stranger', 'Ghost', 'Shadow', 'Mirror', 'Bridge', 'Harbor', 'Forest', 'Desert', 'Ocean', 'Storm', 'Winter', 'Spring', 'Autumn', 'Morning', 'Evening', 'Night', 'Moonlight', 'Sunrise', 'Orchard', 'Vineyard', 'Lighthouse', 'Library', 'Museum', 'Station', 'Hotel', 'Village', 'Castle', 'Palace', 'Empire', 'Republic', 'Revolution', 'Memory', 'Silence', 'Promise', 'Secret', 'Lie', 'Truth', 'Journey', 'Voyage', 'Return', 'Escape', 'Inheritance', 'Wedding', 'Funeral', 'Reunion', 'Summer', 'Harvest', 'Flood', 'Fire', 'Ashes', 'Salt', 'Honey', 'Bread', 'Wine', 'Stone', 'Glass', 'Paper', 'Ink', 'Silver', 'Gold', 'Iron', 'Copper', 'Velvet', 'Lantern', 'Compass', 'Map', 'Atlas', 'Clock', 'Key', 'Door', 'Wall', 'Tower', 'Garden', 'Meadow', 'Prairie', 'Canyon', 'Valley', 'Glacier', 'Volcano', 'Tide', 'Current', 'Horizon', 'Frontier', 'Border', 'Kingdom', 'Crown', 'Throne', 'Queen', 'King', 'Prince', 'Princess', 'Soldier', 'Sailor', 'Pilot', 'Doctor', 'Teacher', 'Painter', 'Poet', 'Thief', 'Spy', 'Detective', 'Witness', 'Orphan', 'Widow', 'Bride', 'Twins', 'Neighbors', 'Wolves', 'Horses', 'Ravens', 'Sparrows', 'Foxes', 'Bees', 'Whales', 'Tigers', 'Elephants', 'Butterflies', 'Roses', 'Lilies', 'Oaks', 'Willows', 'Pines', 'Apples', 'Lemons', 'Figs', 'Olives', 'Tea', 'Coffee', 'Chocolate', 'Sugar', 'Pepper', 'Saffron'];

const SYLLABLES_A = ['Ab', 'Bel', 'Car', 'Dun', 'El', 'Fen', 'Gar', 'Hal', 'Ivo', 'Jor', 'Kel', 'Lan', 'Mar', 'Nor', 'Ost', 'Pel', 'Quin', 'Ros', 'Sten', 'Tor', 'Ul', 'Var', 'Wes', 'Yar', 'Zel', 'Bran', 'Cor', 'Dal', 'Hart', 'Lind'];
const SYLLABLES_B = ['ford', 'wick', 'son', 'berg', 'ton', 'ley', 'man', 'stein', 'ova', 'ski', 'ez', 'elli', 'ard', 'ins', 'well', 'by', 'mont', 'dale', 'hurst', 'quist', 'ander', 'etti', 'ow', 'ak', 'ic'];
const SYLLABLES_C = ['', '', 'er', 'en', 'ith', 'ow', 'es', 'ia'];

/** Thousands of plausible surnames ("Belford", "Rosquist"), as a real catalog's author list has. */
export function madeUpSurname(n: number): string {
  const a = SYLLABLES_A[n % SYLLABLES_A.length]!;
  const b = SYLLABLES_B[Math.floor(n / SYLLABLES_A.length) % SYLLABLES_B.length]!;
  const c = SYLLABLES_C[Math.floor(n / (SYLLABLES_A.length * SYLLABLES_B.length)) % SYLLABLES_C.length]!;
  return `${a}${b}${c}`;
}

const PLACE_START = ['Ash', 'Black', 'Bright', 'Cold', 'Elder', 'Fair', 'Green', 'High', 'Kings', 'Long', 'Mill', 'New', 'North', 'Oak', 'Red', 'Rock', 'Salt', 'Silver', 'Stone', 'Thorn', 'West', 'White', 'Wind', 'Wolf', 'Amber', 'Bram', 'Cal', 'Dor', 'Ever', 'Fern', 'Glen', 'Hazel', 'Iron', 'Lark', 'Marl', 'Pen', 'Raven', 'Shel', 'Tam', 'Wren'];
const PLACE_MIDDLE = ['', 'a', 'i', 'o', 'en', 'er', 'in', 'el', 'and', 'ing', 'ar', 'or', 'is', 'us', 'ew', 'ow', 'ith', 'on', 'an', 'et'];
const PLACE_END = ['haven', 'moor', 'field', 'bury', 'gate', 'holm', 'mere', 'wood', 'cliff', 'port', 'stead', 'shire', 'ford', 'brook', 'dale', 'fell', 'marsh', 'ridge', 'wick', 'hollow', 'crest', 'vale', 'by', 'thorpe', 'ton', 'mouth', 'water', 'hurst', 'combe', 'law', 'garth', 'ness', 'worth', 'ham', 'stow', 'well', 'land', 'rigg', 'sey', 'den'];

/** How many distinct made-up place and character names `madeUpPlace` can give. */
export const MADE_UP_PLACES = PLACE_START.length * PLACE_MIDDLE.length * PLACE_END.length;

/**
 * Tens of thousands of place and character names ("Ravenorholm", "Glenincombe"): a real catalog's
 * vocabulary is mostly rare words like these, which is what keeps most posting lists short.
 */
export function madeUpPlace(n: number): string {
  const a = PLACE_START[n % PLACE_START.length]!;
  const b = PLACE_MIDDLE[Math.floor(n / PLACE_START.length) % PLACE_MIDDLE.length]!;
  const c = PLACE_END[Math.floor(n / (PLACE_START.length * PLACE_MIDDLE.length)) % PLACE_END.length]!;
  return `${a}${b}${c}`;
}

/** Title patterns with a proper name in them ({place}); mixed with TITLE_PATTERNS. */
export const NAMED_TITLE_PATTERNS = [
  'The {place} Affair',
  '{noun} of {place}',
  'The {adj} {noun} of {place}',
  'Letters from {place}',
  'The {place} {noun}',
  'A {noun} in {place}',
];
