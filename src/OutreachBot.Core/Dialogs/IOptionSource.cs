namespace OutreachBot.Dialogs;

/// <summary>Options computed at run time for a choice (<c>optionsFrom: roster.villages</c>), registered by features.</summary>
public interface IOptionSource
{
    string Name { get; }

    IReadOnlyList<ChoiceOption> Options(DialogContext context);
}
