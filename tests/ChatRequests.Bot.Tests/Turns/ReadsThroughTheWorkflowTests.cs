using System.Reflection;
using ChatRequests.Bot.Conversations;
using ChatRequests.Core.Storage;

namespace ChatRequests.Bot.Tests.Turns;

/// <summary>What people type and click reaches requests only through the workflow, where the view rule is applied.</summary>
public sealed class ReadsThroughTheWorkflowTests
{
    [Fact]
    public void TurnHandlers_DependOnNoRequestStore()
    {
        var handlers = typeof(MessageHandler).Assembly.GetTypes()
            .Where(t => t.Namespace is "ChatRequests.Bot.Turns" or "ChatRequests.Bot.Conversations" or "ChatRequests.Bot.CardActions");

        var readingTheStore = handlers
            .Where(t => t.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
                .Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(IRequestStore))))
            .Select(t => t.Name);

        Assert.Empty(readingTheStore);
        Assert.Contains(typeof(MessageHandler), handlers);
    }
}
