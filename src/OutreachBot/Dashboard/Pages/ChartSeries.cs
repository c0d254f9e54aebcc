namespace OutreachBot.Dashboard.Pages;

/// <summary>One series of a bar chart: a name for the legend, a value per label, and a fill colour.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<int> Values, string Color);

/// <summary>One part of a whole, for <see cref="ShareBar"/>.</summary>
public sealed record SharePart(string Name, int Count, string Color);
