import type { ButtonHTMLAttributes } from 'react';

type Variant = 'primary' | 'secondary' | 'ghost' | 'danger';

const VARIANT: Record<Variant, string> = {
  primary: 'bg-accent text-accent-ink hover:brightness-110 shadow-sm',
  secondary: 'border border-line-strong bg-surface text-ink hover:bg-raised shadow-xs',
  ghost: 'text-muted hover:bg-raised hover:text-ink',
  danger: 'bg-down text-white hover:brightness-110 shadow-sm',
};

export const buttonClass = (variant: Variant = 'secondary', extra = '') =>
  `inline-flex min-h-10 items-center sm:min-h-9 justify-center gap-1.5 rounded-md px-3 text-sm font-medium whitespace-nowrap transition-colors disabled:cursor-not-allowed disabled:opacity-60 ${VARIANT[variant]} ${extra}`;

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
}

export function Button({
  variant = 'secondary',
  className = '',
  type = 'button',
  ...props
}: ButtonProps) {
  return <button type={type} className={buttonClass(variant, className)} {...props} />;
}
