using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SnapSafe.Analyzers.Tests.Verifiers;
using Verifier = SnapSafe.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SnapSafe.Analyzers.SnapSafeAnalyzer>;

namespace SnapSafe.Analyzers.Tests.Configuration
{
    /// <summary>The analyzer verifier with an .editorconfig and additional files (deployment templates) in one call.</summary>
    internal static class ConfiguredVerifier
    {
        public static DiagnosticResult Diagnostic(string id) => Verifier.Diagnostic(id);

        /// <summary>A class library handler with <paramref name="editorConfig"/> entries under <c>[*.cs]</c>.</summary>
        public static Task VerifyClassLibraryAsync(string source, string? editorConfig, params DiagnosticResult[] expected)
            => VerifyWithAdditionalFilesAsync(source, new (string, string)[0], editorConfig, expected);

        /// <summary>A class library handler with additional files (placed in the project folder) and an optional .editorconfig.</summary>
        public static Task VerifyWithAdditionalFilesAsync(string source, IEnumerable<(string Name, string Text)> files, string? editorConfig, params DiagnosticResult[] expected)
        {
            var test = new Verifier.Test(LambdaModel.ClassLibrary) { TestCode = source };
            foreach (var (name, text) in files)
            {
                test.WithAdditionalFile(name, text);
            }

            if (editorConfig != null)
            {
                test.WithEditorConfig(editorConfig);
            }

            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync(CancellationToken.None);
        }
    }
}
