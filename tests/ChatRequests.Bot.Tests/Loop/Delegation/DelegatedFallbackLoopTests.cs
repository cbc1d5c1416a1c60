using System.Globalization;
using ChatRequests.Core.Sla;
using ChatRequests.Core.Storage;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ChatRequests.Bot.Tests.Loop.LoopSteps;

namespace ChatRequests.Bot.Tests.Loop.Delegation;

/// <summary>A stage that times out goes to its fallback's delegate: Miriam Graham (Alex's manager) delegates to Diego.</summary>
public sealed class DelegatedFallbackLoopTests : LoopBench
{
    public DelegatedFallbackLoopTests() => Settings["Approval:DefaultTimeoutHours"] = "48";

    [Fact]
    public async Task ATimedOutStage_GoesToTheFallbacksDelegate_OnTheirBehalf()
    {
        await using var bot = await StartAsync();
        var until = _clock.GetUtcNow().AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        (await bot.Teams.SayAsync(Persona.Miriam, $"delegate approvals to Diego Siciliani until {until}")).EnsureSuccessStatusCode();
        await NoticeAsync(bot.Connector, Persona.Miriam, "Delegation on");
        var requestId = await RequestLaptopAsync(bot.Teams, bot.Connector, Persona.Megan);
        var sweep = bot.Services.GetRequiredService<SlaSweep>();

        _clock.AdjustTime(_clock.GetUtcNow() + SlaPolicy.ApprovalReminderAfter + TimeSpan.FromMinutes(1));
        await sweep.SweepAsync();
        _clock.AdjustTime(_clock.GetUtcNow() + TimeSpan.FromHours(24));
        Assert.Equal(1, (await sweep.SweepAsync()).Timeouts);

        var stage = (await bot.Services.GetRequiredService<IRequestStore>().GetAsync(requestId))!.Approvals[0];
        Assert.Equal([Persona.Diego.AadObjectId], stage.Approvers.Select(a => a.Id));
        Assert.Equal(Persona.Miriam.AadObjectId, stage.OnBehalfOf(Persona.Diego.AadObjectId)?.Id);
    }
}
