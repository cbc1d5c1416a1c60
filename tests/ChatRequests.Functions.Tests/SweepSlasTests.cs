using System.Text;
using ChatRequests.Functions.Sla;
using ChatRequests.Testing;

namespace ChatRequests.Functions.Tests;

public sealed class SweepSlasTests
{
    [Fact]
    public async Task ReportsOpenRequestsPastTheirDueTimeOnly()
    {
        await using var app = await FunctionsApp.StartAsync();
        var overdue = await app.SubmitAsync(dueAt: DateTimeOffset.UtcNow.AddHours(-1));
        var onTime = await app.SubmitAsync(dueAt: DateTimeOffset.UtcNow.AddHours(8));

        var answer = await app.InvokeAsync(SweepSlasFunction.Name, HostPayloads.TimerTick());

        Assert.Equal(200, answer.StatusCode);
        Assert.Equal(1, answer.ReturnValue!.GetValue<int>());
        Assert.Contains(answer.Logs, l => l.StartsWith($"SLA breached: {overdue.Id}", StringComparison.Ordinal));
        Assert.DoesNotContain(answer.Logs, l => l.Contains(onTime.Id, StringComparison.Ordinal));
    }
}

public sealed class InvocationEnvelopeTests
{
    [Fact]
    public async Task AnswersTheHostsReadinessPing()
    {
        await using var app = await FunctionsApp.StartAsync();

        using var response = await app.Http.GetAsync("/");

        Assert.True(response.IsSuccessStatusCode);
    }

    [Fact]
    public async Task ABodyThatIsNotAnInvocationIsRejected()
    {
        await using var app = await FunctionsApp.StartAsync();
        using var content = new StringContent("<xml/>", Encoding.UTF8, "application/json");

        using var response = await app.Http.PostAsync("/" + SweepSlasFunction.Name, content);

        Assert.Equal(400, (int)response.StatusCode);
    }
}
