using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace SnapSafe.Analyzers.Tests.Conventions
{
    /// <summary>What the shipped assemblies declare, read by reflection: descriptors, analyzers and code fixes.</summary>
    internal static class Catalog
    {
        public const string CodeFixAssemblyName = "SnapSafe.Analyzers.CodeFixes";

        public static Assembly AnalyzerAssembly => typeof(Descriptors).Assembly;

        /// <summary>Loaded by name so that the tests compile whatever the code-fix assembly holds.</summary>
        public static Assembly CodeFixAssembly => Assembly.Load(new AssemblyName(CodeFixAssemblyName));

        /// <summary>Every <see cref="DiagnosticDescriptor"/> field of <see cref="Descriptors"/>, by ID.</summary>
        public static ImmutableSortedDictionary<string, DiagnosticDescriptor> Descriptors { get; } =
            typeof(Descriptors)
                .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
                .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)
                .ToImmutableSortedDictionary(descriptor => descriptor.Id, descriptor => descriptor, StringComparer.Ordinal);

        public static TheoryData<string> DescriptorIds
        {
            get
            {
                var data = new TheoryData<string>();
                foreach (var id in Descriptors.Keys)
                {
                    data.Add(id);
                }

                return data;
            }
        }

        public static IEnumerable<Type> ConcreteTypesDerivedFrom<TBase>(Assembly assembly)
            => LoadableTypes(assembly).Where(type => type.IsClass && !type.IsAbstract && typeof(TBase).IsAssignableFrom(type));

        public static ImmutableArray<DiagnosticAnalyzer> Analyzers()
            => ConcreteTypesDerivedFrom<DiagnosticAnalyzer>(AnalyzerAssembly)
                .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
                .ToImmutableArray();

        public static ImmutableArray<CodeFixProvider> CodeFixProviders()
            => ConcreteTypesDerivedFrom<CodeFixProvider>(CodeFixAssembly)
                .Select(type => (CodeFixProvider)Activator.CreateInstance(type)!)
                .ToImmutableArray();

        /// <summary>How a severity is written in the README and in AnalyzerReleases files.</summary>
        public static string SeverityName(DiagnosticSeverity severity) => severity.ToString();

        private static IEnumerable<Type> LoadableTypes(Assembly assembly)
        {
            try
            {
                return assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException exception)
            {
                return exception.Types.Where(type => type != null)!;
            }
        }
    }
}
