using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace SnapSafe.Analyzers.Tests.Conventions
{
    /// <summary>
    /// The analyzer and code-fix assemblies export what hosts look for: C# analyzers that report only catalog
    /// rules, and sealed, shared, named C# code fixes for known rules.
    /// </summary>
    public sealed class AnalyzerAndCodeFixExportTests
    {
        public static TheoryData<string> DescriptorIds => Catalog.DescriptorIds;

        [Fact]
        public void Analyzer_assembly_has_analyzers()
        {
            Assert.NotEmpty(Catalog.ConcreteTypesDerivedFrom<DiagnosticAnalyzer>(Catalog.AnalyzerAssembly));
        }

        [Fact]
        public void Every_analyzer_is_a_CSharp_analyzer()
        {
            foreach (var type in Catalog.ConcreteTypesDerivedFrom<DiagnosticAnalyzer>(Catalog.AnalyzerAssembly))
            {
                var attribute = type.GetCustomAttribute<DiagnosticAnalyzerAttribute>();
                Assert.True(attribute != null, type.FullName + " has no [DiagnosticAnalyzer]");
                Assert.Equal(new[] { LanguageNames.CSharp }, attribute!.Languages);
            }
        }

        [Fact]
        public void Every_supported_diagnostic_is_a_catalog_descriptor()
        {
            foreach (var analyzer in Catalog.Analyzers())
            {
                foreach (var supported in analyzer.SupportedDiagnostics)
                {
                    Assert.True(Catalog.Descriptors.TryGetValue(supported.Id, out var descriptor), analyzer.GetType().Name + " supports " + supported.Id + ", which is not in Descriptors");
                    Assert.Equal(descriptor, supported);
                }
            }
        }

        [Theory]
        [MemberData(nameof(DescriptorIds))]
        public void Every_descriptor_is_supported_by_an_analyzer(string id)
        {
            Assert.Contains(Catalog.Analyzers(), analyzer => analyzer.SupportedDiagnostics.Any(d => d.Id == id));
        }

        [Fact]
        public void Every_descriptor_id_is_a_DiagnosticIds_constant()
        {
            var constants = typeof(DiagnosticIds)
                .GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(field => field.IsLiteral && field.FieldType == typeof(string))
                .Select(field => (string)field.GetRawConstantValue()!)
                .OrderBy(id => id, StringComparer.Ordinal);
            Assert.Equal(Catalog.Descriptors.Keys, constants);
        }

        [Fact]
        public void Code_fix_assembly_has_code_fixes()
        {
            Assert.NotEmpty(Catalog.ConcreteTypesDerivedFrom<CodeFixProvider>(Catalog.CodeFixAssembly));
        }

        [Fact]
        public void Every_code_fix_is_sealed_exported_for_CSharp_named_and_shared()
        {
            foreach (var type in Catalog.ConcreteTypesDerivedFrom<CodeFixProvider>(Catalog.CodeFixAssembly))
            {
                Assert.True(type.IsSealed, type.FullName + " is not sealed");

                var export = type.GetCustomAttribute<ExportCodeFixProviderAttribute>();
                Assert.True(export != null, type.FullName + " has no [ExportCodeFixProvider]");
                Assert.Equal(new[] { LanguageNames.CSharp }, export!.Languages);
                Assert.False(string.IsNullOrWhiteSpace(export.Name), type.FullName + " is exported without a Name");

                Assert.True(
                    type.GetCustomAttributes(inherit: false).Any(a => a.GetType().FullName == "System.Composition.SharedAttribute"),
                    type.FullName + " has no [Shared]");
            }
        }

        [Fact]
        public void Every_code_fix_fixes_only_catalog_rules()
        {
            foreach (var provider in Catalog.CodeFixProviders())
            {
                ImmutableArray<string> ids = provider.FixableDiagnosticIds;
                Assert.NotEmpty(ids);
                foreach (var id in ids)
                {
                    Assert.True(Catalog.Descriptors.ContainsKey(id), provider.GetType().Name + " fixes " + id + ", which is not in Descriptors");
                }
            }
        }
    }
}
