import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.js';

describe('detectLanguage', () => {
  it.each(['hola', 'gracias', '¿A qué hora abren mañana?', 'quiero renovar mis libros', 'la impresora no funciona', 'cuanto debo en mi cuenta'])(
    'reads %j as Spanish',
    (text) => expect(detectLanguage(text)).toBe('es'),
  );

  it.each(['hello', 'pc 8 no internet', 'chess club', 'renew', 'what are ur hours this weekend', 'do you have el principito'])(
    'reads %j as English',
    (text) => expect(detectLanguage(text)).toBe('en'),
  );
});
