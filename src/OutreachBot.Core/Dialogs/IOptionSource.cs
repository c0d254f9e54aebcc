namespace OutreachBot.Dialogs;

/// <summary>Options computed at run time for a choice (<c>optionsFrom: roster.villages</c>), registered by features.</summary>
public interface IOptionSource
{
    string Name { get; }

    IReadOnlyList<ChoiceOption> Options(DialogContext context);
}

/// <summary>
/// An option source too large to list (every household a county leader may visit): the question shows
/// <see cref="IOptionSource.Options"/> (the user's own), while typed words are looked up with <see cref="Search"/>.
/// </summary>
public interface ISearchableOptionSource : IOptionSource
{
    /// <summary>The options the words may mean, best first; one option means no doubt.</summary>
    IReadOnlyList<ChoiceOption> Search(DialogContext context, string text);
}
