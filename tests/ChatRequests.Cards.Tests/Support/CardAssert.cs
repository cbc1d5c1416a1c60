namespace ChatRequests.Cards.Tests.Support;

public static class CardAssert
{
    /// <summary>The card passes the Adaptive Card 1.5 schema and the Teams rules.</summary>
    public static void Valid(CardMessage message)
    {
        var schemaErrors = CardSchema.Validate(message.Card);
        Assert.True(schemaErrors.Count == 0, "Schema errors:\n" + string.Join("\n", schemaErrors) + "\nCard:\n" + message.Card.ToJsonString());

        var teamsProblems = TeamsCardRules.Check(message);
        Assert.True(teamsProblems.Count == 0, "Teams rules:\n" + string.Join("\n", teamsProblems));
    }
}
