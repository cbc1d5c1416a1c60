namespace ChatRequests.Cards;

/// <summary>
/// One row of a fact list as the templates draw it (a label column and a value column, both TextRuns): FactSets
/// read their titles and values as markdown, so the cards have none.
/// </summary>
internal sealed record Fact(string Label, string Text);
