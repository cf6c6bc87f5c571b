import { z } from 'zod';
import { isEmailAddress, splitAddressList } from '../email-address.js';
import { ServiceLevels } from './service-levels.js';

/*
 * A room's email settings ("Email Transcript", "Customer Interactions" and
 * "Public Profile", "Contact Settings" and "CRM System Integration Settings"), spread
 * into the room's schema, and the global public profile. Every setting has a default, and every
 * email feature is off until the room turns it on.
 */

const bool = (fallback: boolean) => z.boolean({ error: 'must be true or false' }).default(fallback);

const Address = z.string({ error: 'must be an email address' }).trim().refine(isEmailAddress, 'must be an email address like sales@example.com');

/**
 * One or more addresses separated by semicolons, `sales@example.com; boss@example.com`
 * (a JSON list of addresses is taken too). Each is checked, and named in the error when it is not
 * an address Parley sends to.
 */
const AddressList = z.union([z.string(), z.array(z.string())], { error: 'must be email addresses separated by semicolons' }).transform((list, ctx) => {
  const addresses = typeof list === 'string' ? splitAddressList(list) : list.map((address) => address.trim()).filter(Boolean);
  for (const address of addresses) {
    if (!isEmailAddress(address)) ctx.addIssue({ code: 'custom', message: `"${address.slice(0, 80)}" is not an email address like sales@example.com` });
  }
  if (addresses.length > 20) ctx.addIssue({ code: 'custom', message: 'must list at most 20 addresses' });
  return addresses;
});

/**
 * The public profile: the company name and contact email that emails to visitors are sent
 * under (sender name and Reply-To). A room's own profile wins, field by field, over the global one.
 */
export const PublicProfile = z.strictObject({
  companyName: z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters').optional(),
  contactEmail: Address.optional(),
  /** Response targets for every room that does not set its own. */
  serviceLevels: ServiceLevels.optional(),
});
export type PublicProfile = z.infer<typeof PublicProfile>;

export const EMAIL_FIELDS = {
  /** "Email Transcript": at the end of a chat the visitor may have its transcript emailed. */
  emailTranscript: bool(false),
  /** "Transcript Email Address": every transcript a visitor asks for is copied here too. */
  transcriptAddresses: AddressList.optional(),
  /** Leave a message: when nobody is available, the visitor may leave one (the launcher shows even then). */
  leaveMessage: bool(false),
  /** "Sales Lead Email Address": where left messages go. Default: the public profile's contact email. */
  salesLeadAddresses: AddressList.optional(),
  /** "XML Lead Address": each left message also goes here as an ADF 1.0 XML lead, for a CRM. */
  xmlLeadAddress: Address.optional(),
  /** "ADF Source Name": a word added to the provider name in ADF leads, e.g. "Website". */
  adfProviderWord: z.string().trim().min(1, 'must not be empty').max(40, 'must be at most 40 characters').optional(),
  /** Whether that word comes before (`prefix`) or after (`suffix`, default) the provider name. */
  adfProviderWordPosition: z.enum(['prefix', 'suffix'], { error: 'must be "prefix" or "suffix"' }).default('suffix'),
  /**
   * "Customer Profile CRM Selection List": after a chat its agent may send it as a lead to one of
   * these (plain text and ADF, like left messages), or choose "Do Not Send".
   */
  crmSelection: z
    .array(
      z.strictObject({
        label: z.string({ error: 'must be a name' }).trim().min(1, 'must not be empty').max(60, 'must be at most 60 characters'),
        email: Address,
      }),
      { error: 'must be a list of { label, email }' },
    )
    .max(20, 'must list at most 20 addresses')
    .optional(),
  /** "Add Alert": a waiting visitor may ask to be emailed when an agent is free. */
  emailAlert: bool(false),
  /** "Public Profile @ chat room"; empty fields fall back to the global `publicProfile`. */
  publicProfile: PublicProfile.optional(),
};

type EmailRoom = { name: string; leaveMessage: boolean; salesLeadAddresses?: string[] | undefined; publicProfile?: PublicProfile | undefined };

/** Cross-checks the file's email settings: a room that takes messages must have somewhere to send them. */
export function checkEmailSettings(file: { rooms: EmailRoom[]; publicProfile?: PublicProfile | undefined }, ctx: z.RefinementCtx): void {
  file.rooms.forEach((room, index) => {
    const fallback = room.publicProfile?.contactEmail ?? file.publicProfile?.contactEmail;
    if (room.leaveMessage && (room.salesLeadAddresses ?? []).length === 0 && !fallback) {
      ctx.addIssue({
        code: 'custom',
        path: ['rooms', index, 'salesLeadAddresses'],
        message: 'is needed with leaveMessage: the addresses left messages go to (or set publicProfile.contactEmail)',
      });
    }
  });
}
