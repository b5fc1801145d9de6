using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SnapSafe.Analyzers.Tests.Verifiers;
using VerifyCS = SnapSafe.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SnapSafe.Analyzers.SnapSafeAnalyzer>;

namespace SnapSafe.Analyzers.Tests.Rules
{
    /// <summary>Runs the analyzer on source compiled as a programming model with the real provider and AWS SDK packages.</summary>
    internal static class ProviderPackagesTest
    {
        public static Task VerifyAsync(LambdaModel model, string source, params DiagnosticResult[] expected)
        {
            var test = new VerifyCS.Test(model) { TestCode = source }.WithPackages();
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }
    }
}
