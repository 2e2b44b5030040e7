/** A message as written to the outbox: plain text, so it reads the same in a mail client and the console. */
export interface OutgoingEmail {
  template: string;
  to: string;
  subject: string;
  body: string;
}

export function passwordResetEmail(
  to: string,
  name: string,
  link: string,
  validMinutes: number,
): OutgoingEmail {
  return {
    template: 'password_reset',
    to,
    subject: 'Reset your Tally password',
    body: [
      `Hello ${name},`,
      '',
      'Someone (we hope you) asked to reset the password of your Tally account.',
      `Choose a new password here (the link works once, for ${validMinutes} minutes):`,
      '',
      link,
      '',
      'If it was not you, ignore this email: your password stays as it is.',
    ].join('\n'),
  };
}

export function invitationEmail(
  to: string,
  name: string,
  role: string,
  invitedBy: string,
  link: string,
): OutgoingEmail {
  return {
    template: 'staff_invitation',
    to,
    subject: 'You are invited to the Tally console',
    body: [
      `Hello ${name},`,
      '',
      `${invitedBy} invited you to the Tally staff console as ${role}.`,
      'Set your password and sign in here (the link works once, for 7 days):',
      '',
      link,
    ].join('\n'),
  };
}
