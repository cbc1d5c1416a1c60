using ChatRequests.Core.Requests;

namespace ChatRequests.Cards;

/// <summary>
/// One row of a fact list as the templates draw it (a label column and a value column, both TextRuns): FactSets
/// read their titles and values as markdown, so the cards have none.
/// </summary>
/// <param name="At">A moment shown after <paramref name="Text"/> in the viewer's own time zone (<see cref="CardText.Instant"/>).</param>
/// <param name="After">Text shown after the moment.</param>
/// <param name="On">A calendar day shown after <paramref name="Text"/> without a time, in the viewer's own date format (<see cref="Day"/>).</param>
internal sealed record Fact(string Label, string Text, string? At = null, string? After = null, string? On = null)
{
    /// <summary>A row whose value is a calendar day (a supplier's date), given as noon UTC so that DATE() shows that day almost everywhere.</summary>
    public static Fact Day(string label, DateTimeOffset noonUtc, string before = "", string? after = null) =>
        new(label, before, After: after, On: CardText.Instant(noonUtc));

    /// <summary>A row whose value is a moment: "Approved by you at " + the time, or the time alone.</summary>
    public static Fact Moment(string label, DateTimeOffset at, string before = "", string? after = null) =>
        new(label, before, CardText.Instant(at), after);

    /// <summary>The "Next" row: what happens next, its moment (when the approval is due) in the viewer's time zone.</summary>
    public static Fact Next(NextStepText next) => next.At switch
    {
        { } day when next.DayOnly => Day("Next", day, next.Text, next.After),
        { } at => Moment("Next", at, next.Text, next.After),
        null => new("Next", next.Text),
    };
}
