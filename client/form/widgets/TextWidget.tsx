// Plain text, with a character count when the field has a length limit.
import type { WidgetProps } from '@rjsf/utils';
import { CharacterCount } from './CharacterCount';
import { TextInput } from './TextInput';

export function TextWidget(props: WidgetProps) {
  return (
    <>
      <TextInput {...props} />
      <CharacterCount value={props.value} schema={props.schema} />
    </>
  );
}
