namespace ChatRequests.Bot.Tests; public class PlaceholderTests { }
