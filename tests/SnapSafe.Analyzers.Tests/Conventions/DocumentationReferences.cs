using System;
using System.Collections.Immutable;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SnapSafe.Analyzers.Tests.Verifiers;

namespace SnapSafe.Analyzers.Tests.Conventions
{
    /// <summary>
    /// Libraries the rule pages' code uses besides the framework and the Amazon.Lambda stand-ins: the data providers
    /// and AWS SDK packages the tests reference, and a team's own library (the <c>snapsafe.sensitive_types</c> examples).
    /// </summary>
    internal static class DocumentationReferences
    {
        private const string TeamLibrary = @"
namespace MyCompany.Messaging
{
    public sealed class BrokerSession
    {
        public BrokerSession(string topic) => Topic = topic;
        public string Topic { get; }
        public string Publish(string message) => Topic + "":"" + message;
    }
}";

        private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> LazyAll = new Lazy<Task<ImmutableArray<MetadataReference>>>(CreateAsync);

        public static Task<ImmutableArray<MetadataReference>> AllAsync() => LazyAll.Value;

        private static async Task<ImmutableArray<MetadataReference>> CreateAsync()
        {
            var framework = await StandInReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None).ConfigureAwait(false);
            var compilation = CSharpCompilation.Create(
                "MyCompany.Messaging",
                new[] { CSharpSyntaxTree.ParseText(TeamLibrary) },
                framework,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var stream = new MemoryStream();
            var result = compilation.Emit(stream);
            if (!result.Success)
            {
                throw new InvalidOperationException(string.Join(Environment.NewLine, result.Diagnostics));
            }

            return (await PackageReferences.AllAsync().ConfigureAwait(false))
                .Add(MetadataReference.CreateFromImage(stream.ToArray()));
        }
    }
}
