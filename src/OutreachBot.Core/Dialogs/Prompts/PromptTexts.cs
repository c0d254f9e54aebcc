using OutreachBot.Texts;

namespace OutreachBot.Dialogs.Prompts;

[TextKeys]
public static class PromptTexts
{
    public const string TextTooShort = "prompt.text.too_short";
    public const string TextTooLong = "prompt.text.too_long";
    public const string ChoiceRetry = "prompt.choice.retry";
    public const string ChoiceAmbiguous = "prompt.choice.ambiguous";
    public const string ChoiceByName = "prompt.choice.by_name";
    public const string ConfirmRetry = "prompt.confirm.retry";
    public const string NumberRetry = "prompt.number.retry";
    public const string NumberRange = "prompt.number.range";
    public const string DateRetry = "prompt.date.retry";
    public const string DateNotFuture = "prompt.date.not_future";
    public const string DateNotPast = "prompt.date.not_past";
    public const string PhoneRetry = "prompt.phone.retry";
    public const string ImageRetry = "prompt.image.retry";
    public const string ImageLabel = "prompt.image.label";
    public const string LocationRetry = "prompt.location.retry";
    public const string Yes = "vocab.yes";
    public const string No = "vocab.no";
    public const string Now = "vocab.now";
}
