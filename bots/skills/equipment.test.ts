import { describe, expect, it } from 'vitest';
import { foldText } from '../text/normalize.js';
import { saysDeviceWorksAgain } from './equipment.js';

describe('saysDeviceWorksAgain', () => {
  it.each(['nvm its fine now', 'ok it is back up now thanks', 'it fixed itself lol', 'ya funciona, gracias', 'volvió a funcionar', 'ah ok it work now, tanks', 'someone fixed it, thank you', 'ya lo arreglaron, gracias', 'ya conectó la tablet, gracias', 'listo, ya prendió'])('"%s"', (text) => {
    expect(saysDeviceWorksAgain(foldText(text))).toBe(true);
  });

  it.each(['it stopped working again', 'still not working now', 'ya no funciona', 'it broke again', 'the printer works?'])('not "%s"', (text) => {
    expect(saysDeviceWorksAgain(foldText(text))).toBe(false);
  });
});
