using ChatRequests.Core.Priority;

namespace ChatRequests.Core.Tests;

public class PriorityMatrixTests
{
    [Theory]
    [InlineData(Impact.High, Urgency.High, 1, "P1: impact high (many people or a whole department) x urgency high (work is blocked now)")]
    [InlineData(Impact.High, Urgency.Medium, 2, "P2: impact high (many people or a whole department) x urgency medium (needed within days)")]
    [InlineData(Impact.High, Urgency.Low, 3, "P3: impact high (many people or a whole department) x urgency low (can wait)")]
    [InlineData(Impact.Medium, Urgency.High, 2, "P2: impact medium (a team) x urgency high (work is blocked now)")]
    [InlineData(Impact.Medium, Urgency.Medium, 3, "P3: impact medium (a team) x urgency medium (needed within days)")]
    [InlineData(Impact.Medium, Urgency.Low, 4, "P4: impact medium (a team) x urgency low (can wait)")]
    [InlineData(Impact.Low, Urgency.High, 3, "P3: impact low (one person) x urgency high (work is blocked now)")]
    [InlineData(Impact.Low, Urgency.Medium, 4, "P4: impact low (one person) x urgency medium (needed within days)")]
    [InlineData(Impact.Low, Urgency.Low, 4, "P4: impact low (one person) x urgency low (can wait)")]
    public void Assess_GivesTheMatrixLevelAndAReadableReason(Impact impact, Urgency urgency, int level, string reason)
    {
        var assessment = PriorityMatrix.Assess(impact, urgency);

        Assert.Equal(level, assessment.Level);
        Assert.Equal($"P{level}", assessment.Label);
        Assert.Equal(impact, assessment.Impact);
        Assert.Equal(urgency, assessment.Urgency);
        Assert.Equal(reason, assessment.Reason);
    }
}
