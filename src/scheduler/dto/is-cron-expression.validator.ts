import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { cronExpressionError } from '../schedule.js';

/** A 5- or 6-field cron expression that the cron library itself accepts. */
export function IsCronExpression(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isCronExpression',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && cronExpressionError(value) === null,
        defaultMessage: ({ property, value }: ValidationArguments) =>
          typeof value === 'string'
            ? `${property} ${cronExpressionError(value)}`
            : `${property} must be a cron expression string`,
      },
    });
}
