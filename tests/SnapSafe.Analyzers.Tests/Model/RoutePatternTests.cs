using SnapSafe.Analyzers.Lambda.Models;
using Xunit;

namespace SnapSafe.Analyzers.Tests.Model
{
    /// <summary>Route patterns against warm-up paths: literals, parameters, constraints, optional parts, catch-alls, and what stays unknown.</summary>
    public class RoutePatternTests
    {
        [Theory]
        [InlineData("/health", "/health", "Yes")]
        [InlineData("/Health/", "/health", "Yes")]
        [InlineData("/health", "/healthz", "No")]
        [InlineData("/orders/{id}", "/orders/42", "Yes")]
        [InlineData("/orders/{id:int}", "/orders/42", "Yes")]
        [InlineData("/orders/{id:int}", "/orders/abc", "No")]
        [InlineData("/orders/{id:guid}", "/orders/42", "No")]
        [InlineData("/orders/{id?}", "/orders", "Yes")]
        [InlineData("/orders/{id:int?}", "/orders", "Yes")]
        [InlineData("/orders/{page=1}", "/orders", "Yes")]
        [InlineData("/orders/{id}", "/orders", "No")]
        [InlineData("/files/{*path}", "/files/a/b/c", "Yes")]
        [InlineData("/files/{**path}", "/files", "Yes")]
        [InlineData("/orders/{id}", "/orders/42/items", "No")]
        [InlineData("/files/{name}.{ext}", "/files/a.txt", "Unknown")]
        [InlineData("/orders/{id:regex(^\\d+$)}", "/orders/42", "Unknown")]
        [InlineData("/", "/", "Yes")]
        public void Match(string pattern, string path, string expected)
            => Assert.Equal(expected, RoutePattern.Match(pattern, path).ToString());

        [Fact]
        public void Combine_JoinsGroupPrefixes()
        {
            Assert.Equal("/api/orders/{id}", RoutePattern.Combine("/api", "orders/{id}"));
            Assert.Equal("/api", RoutePattern.Combine("/api/", "/"));
        }
    }
}
