import { z } from 'zod';

/**
 * Messages people read under a form field, for the hub and the dashboard alike. A schema's
 * own message (e.g. "Must be an http:// or https:// URL") still wins over these.
 */
z.config({
  customError(issue) {
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined ? 'Required' : `Must be a ${issue.expected}`;
      case 'too_small':
        if (issue.origin === 'string') {
          return issue.minimum === 1 ? 'Required' : `At least ${String(issue.minimum)} characters`;
        }
        if (issue.origin === 'array') return `At least ${String(issue.minimum)} needed`;
        return `Must be at least ${String(issue.minimum)}`;
      case 'too_big':
        if (issue.origin === 'string') return `At most ${String(issue.maximum)} characters`;
        if (issue.origin === 'array') return `At most ${String(issue.maximum)} allowed`;
        return `Must be at most ${String(issue.maximum)}`;
      case 'invalid_value':
        return `Must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
      case 'unrecognized_keys':
        return `Unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`;
      case 'invalid_format':
        return issue.format === 'email'
          ? 'Must be an email address'
          : `Must be a valid ${issue.format}`;
      default:
        return undefined;
    }
  },
});
