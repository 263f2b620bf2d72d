import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  digitsOnly,
  iceControl,
  ibanCheckDigits,
  ibanRemainder,
  icaoCheckDigit,
  luhnCheckDigit,
  luhnOk,
  mod97,
  ribKey,
} from './checksums.js';

// Published examples, so the helpers the other tests build identifiers with are checked against outside sources.
describe('checksums against published examples', () => {
  it('computes the RIB key of the RIB quoted in LAW.md (011 519 0000012050005349 21)', () => {
    assert.equal(ribKey('0115190000012050005349'), '21');
    assert.equal(mod97('011519000001205000534921'), 0);
  });

  it('computes the ICE control digits of python-stdnum’s example 001561191000066', () => {
    assert.equal(iceControl('0015611910000'), '66');
    assert.equal(mod97('001561191000066'), 0);
  });

  it('gives remainder 1 for the registry examples and MA64 for the RIB above', () => {
    for (const iban of ['GB82WEST12345698765432', 'DE89370400440532013000', 'FR1420041010050500013M02606']) {
      assert.equal(ibanRemainder(iban), 1, iban);
    }
    assert.equal(ibanCheckDigits('MA', '011519000001205000534921'), '64');
    assert.equal(ibanCheckDigits('GB', 'WEST12345698765432'), '82');
  });

  it('accepts the classic Luhn examples and computes their check digits', () => {
    assert.equal(luhnOk('79927398713'), true);
    assert.equal(luhnOk('79927398710'), false);
    assert.equal(luhnOk('4111111111111111'), true);
    assert.equal(luhnCheckDigit('7992739871'), '3');
  });

  it('computes the ICAO 9303 check digits of the specimen passport L898902C3', () => {
    assert.equal(icaoCheckDigit('L898902C3'), '6');
    assert.equal(icaoCheckDigit('740812'), '2');
    assert.equal(icaoCheckDigit('120415'), '9');
    assert.equal(icaoCheckDigit('ZE184226B<<<<<'), '1');
  });

  it('strips everything but digits', () => {
    assert.equal(digitsOnly('011 519-00.00'), '0115190000');
  });
});
