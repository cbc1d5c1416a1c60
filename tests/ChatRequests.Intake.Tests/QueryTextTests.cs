using ChatRequests.IntakeEvaluation;

namespace ChatRequests.Intake.Tests;

/// <summary>What of a message the evaluation's encoder reads (ADR 0080, measured and not taken).</summary>
public sealed class QueryTextTests
{
    [Theory]
    [InlineData("hiya could someone sort me out with one of those things you plug the laptop into at the desk pls", "one of those things you plug the laptop into at the desk")]
    [InlineData("I need a new laptop", "a new laptop")]
    [InlineData("Good morning, would it be possible to get a second monitor? Thank you", "a second monitor?")]
    [InlineData("please can I have the team leader view with the wallboard", "the team leader view with the wallboard")]
    public void LessFrame_TakesOffTheGreetingTheAskAndTheThanks_AndKeepsTheNeedAsWritten(string message, string need) =>
        Assert.Equal(need, QueryText.LessFrame(message));

    [Theory]
    [InlineData("docking station for my desk at the Berlin office")]
    [InlineData("hi, could you help please")]
    public void LessFrame_IsNothing_WhenThereIsNoFrameOrNothingButIt(string message) =>
        Assert.Null(QueryText.LessFrame(message));

    [Fact]
    public void Content_IsTheWordsLessTheStopWords_InTheirOrder() =>
        Assert.Equal("docking station desk", QueryText.Content("could someone sort me out with a docking station for my desk pls"));
}
