// A call-back's number is named by its ref and found among the numbers Graph shows now; anything else is refused,
// and only the last digits are kept.
import { describe, expect, it } from 'vitest';
import { lastDigits, resolveRef, type NumbersOfRecord } from './numbers-of-record';

const numbers: NumbersOfRecord = {
  user: [
    { ref: 'mobilePhone', number: '+49 1511 2345678', source: 'mobilePhone', phoneType: null },
    {
      ref: 'phoneMethods/3179e48a-750b-4051-897c-87b9720928f7',
      number: '+49 1722 9876543',
      source: 'phoneMethod',
      phoneType: 'mobile',
    },
  ],
  manager: {
    id: 'm-1',
    displayName: 'Petra Manager',
    jobTitle: null,
    phones: [
      {
        ref: 'manager/mobilePhone',
        number: '+49 1701 5554321',
        source: 'mobilePhone',
        phoneType: null,
      },
    ],
  },
};

describe('resolveRef', () => {
  it("finds the user's directory phones and registered methods, and the manager's numbers", () => {
    expect(resolveRef(numbers, 'mobilePhone')).toMatchObject({
      whose: 'user',
      number: { number: '+49 1511 2345678' },
    });
    expect(resolveRef(numbers, 'phoneMethods/3179e48a-750b-4051-897c-87b9720928f7')).toMatchObject({
      whose: 'user',
      number: { phoneType: 'mobile' },
    });
    expect(resolveRef(numbers, 'manager/mobilePhone')).toMatchObject({
      whose: 'manager',
      manager: { id: 'm-1' },
    });
  });

  it('refuses a ref it cannot find: a number typed in, one removed meanwhile, a manager that is not there', () => {
    expect(resolveRef(numbers, '+49 1511 2345678')).toBeNull();
    expect(resolveRef(numbers, 'businessPhones/0')).toBeNull();
    expect(resolveRef(numbers, 'phoneMethods/b6332ec1-7057-4abe-9331-3d72feddfe41')).toBeNull();
    expect(resolveRef({ ...numbers, manager: null }, 'manager/mobilePhone')).toBeNull();
  });
});

describe('lastDigits', () => {
  it('keeps the last four digits whatever the spacing', () => {
    expect(lastDigits('+49 1511 2345678')).toBe('5678');
    expect(lastDigits('+1 (206) 555-01 23')).toBe('0123');
  });
});
