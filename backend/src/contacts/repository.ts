// Writes contacts: the people interactions refer to by ContactId.

import type { DatabaseHandle } from '../db/connect';

export interface ContactRecord {
  contactId: string;
  fullName: string;
  email: string | null;
}

const rowsPerStatement = 500;

/** Inserts contacts, updating the name and email of those already stored. */
export async function saveContacts(handle: DatabaseHandle, contacts: readonly ContactRecord[]): Promise<void> {
  await handle.db.transaction().execute(async (trx) => {
    for (let start = 0; start < contacts.length; start += rowsPerStatement) {
      const rows = contacts.slice(start, start + rowsPerStatement).map((contact) => ({
        contact_id: contact.contactId,
        full_name: contact.fullName,
        email: contact.email,
      }));
      await trx
        .insertInto('contact')
        .values(rows)
        .onConflict((conflict) =>
          conflict.column('contact_id').doUpdateSet((eb) => ({ full_name: eb.ref('excluded.full_name'), email: eb.ref('excluded.email') })),
        )
        .execute();
    }
  });
}
