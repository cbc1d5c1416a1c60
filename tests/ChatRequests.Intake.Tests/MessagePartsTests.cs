using ChatRequests.IntakeEvaluation;

namespace ChatRequests.Intake.Tests;

/// <summary>The parts a rambling message is read by besides the whole (ADR 0078): its sentences and added clauses that say something.</summary>
public sealed class MessagePartsTests
{
    [Fact]
    public void RamblingMessage_KeepsTheSentencesThatSaySomething_AndLeavesOutTheGreetingAndSignOff() =>
        Assert.Equal(
            ["Since the move to the new office my old screen has been giving me headaches, could I get a bigger one?", "Also the dock only drives one display."],
            MessageParts.Of("Hi, hope you're well. Since the move to the new office my old screen has been giving me headaches, could I get a bigger one? Also the dock only drives one display. Thanks!"));

    [Fact]
    public void OneSentence_HasNoPartsBesideTheWhole() =>
        Assert.Empty(MessageParts.Of("could I get a bigger screen for my desk"));

    [Fact]
    public void SecondNeedAddedByAlso_IsAPartOfItsOwn() =>
        Assert.Equal(["a new mouse please", "also the VPN keeps asking for my password"], MessageParts.Of("a new mouse please, also the VPN keeps asking for my password"));

    [Fact]
    public void OneSentenceBesideAGreeting_IsReadAlone() =>
        Assert.Equal(["I need Visio installed on my laptop"], MessageParts.Of("Good morning! I need Visio installed on my laptop"));

    [Fact]
    public void ADecimalNumber_DoesNotEndASentence() =>
        Assert.Empty(MessageParts.Of("a 2.5 inch drive for my desktop"));

    [Fact]
    public void ManySentences_AreReadByAtMostFourParts() =>
        Assert.Equal(MessageParts.MaxParts, MessageParts.Of("A mouse. A keyboard. A monitor. A dock. A headset. A webcam.").Count);

    [Fact]
    public void PleasantriesAlone_HaveNoParts() =>
        Assert.Empty(MessageParts.Of("Hi there. Thanks so much, kind regards"));

    [Fact]
    public void Trimmed_IsTheMessageLessItsPleasantries_AsOneText() =>
        Assert.Equal(["I need Visio installed on my laptop. And a new mouse."], MessageParts.Trimmed("Good morning! I need Visio installed on my laptop. And a new mouse. Thanks!"));

    [Fact]
    public void Trimmed_IsNothing_WhenNothingIsLeftOut() =>
        Assert.Empty(MessageParts.Trimmed("A mouse. A keyboard."));
}
