interface FieldErrorProps {
  id: string;
  message: string | undefined;
}

/** The server's complaint about one field, shown right under it and tied to it by id. */
export function FieldError({ id, message }: FieldErrorProps) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1 text-xs font-medium text-down">
      {message}
    </p>
  );
}
