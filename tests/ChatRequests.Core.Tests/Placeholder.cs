namespace ChatRequests.Core.Tests; public class PlaceholderTests { }
