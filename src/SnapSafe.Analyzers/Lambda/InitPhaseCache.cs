using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using SnapSafe.Analyzers.Configuration;
using SnapSafe.Analyzers.Deployment;

namespace SnapSafe.Analyzers.Lambda
{
    /// <summary>
    /// The findings of the init-phase model, built once per compilation and configuration and shared by every
    /// compilation-start action on that compilation.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The model is a whole-compilation analysis, and hosts start SnapSafe on the same compilation more than once:
    /// Roslyn's <c>CompilationWithAnalyzers</c> runs the compilation-start action again for each document a client
    /// asks about (an editor's diagnostics for one open file, then for another), each time on its own copy of the
    /// compilation (same trees, references and options; new symbols). A cache keyed by the
    /// <see cref="Compilation"/> object would never hit, so an entry is keyed by the compilation's first tree
    /// (weakly: it goes when the tree goes) and matched by what makes two compilations the same program (the same
    /// tree, reference and options objects, <see cref="CompilationKey"/>) and by the configuration values the model
    /// reads (<see cref="ModelInputs"/>; templates and <c>.editorconfig</c> can change without a new compilation).
    /// An edit makes a different set of trees, and a new build.
    /// </para>
    /// <para>
    /// An entry keeps the findings only (locations, properties, message arguments, origins by name), not the model's
    /// operation trees, semantic models or symbols, so no compilation is kept alive by it; each key keeps its two
    /// most recent builds. A cancelled build is not kept: the next request builds again.
    /// </para>
    /// </remarks>
    internal static class InitPhaseCache
    {
        private static readonly ConditionalWeakTable<SyntaxTree, Entries> Table = new ConditionalWeakTable<SyntaxTree, Entries>();

        /// <summary>
        /// The findings of the compilation's model for these inputs, built on first use. The rules are the
        /// catalog's, the same for every build, so they are not part of the key.
        /// </summary>
        public static InitFindings Get(Compilation compilation, KnownTypes types, SnapSafeOptions options, SnapStartDeployment deployment, HazardRules rules, CancellationToken cancellationToken)
        {
            InitFindings Build() => InitPhase.Build(compilation, types, options, deployment, rules, cancellationToken).PublishedFindings;

            var first = FirstTree(compilation);
            if (first == null)
            {
                return Build();
            }

            var key = new CompilationKey(compilation, new ModelInputs(options, deployment));
            return Table.GetValue(first, _ => new Entries()).SlotFor(key).Get(Build, cancellationToken);
        }

        private static SyntaxTree? FirstTree(Compilation compilation)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                return tree;
            }

            return null;
        }

        /// <summary>The builds whose compilations start with one tree, most recent first; two at most.</summary>
        private sealed class Entries
        {
            private const int Capacity = 2;
            private readonly object _gate = new object();
            private readonly List<(CompilationKey Key, Slot Slot)> _entries = new List<(CompilationKey Key, Slot Slot)>(Capacity);

            public Slot SlotFor(CompilationKey key)
            {
                lock (_gate)
                {
                    for (var i = 0; i < _entries.Count; i++)
                    {
                        if (_entries[i].Key.Equals(key))
                        {
                            return _entries[i].Slot;
                        }
                    }

                    var slot = new Slot();
                    if (_entries.Count == Capacity)
                    {
                        _entries.RemoveAt(Capacity - 1);
                    }

                    _entries.Insert(0, (key, slot));
                    return slot;
                }
            }
        }

        /// <summary>One build: the first caller builds, the others wait for it (or for their own cancellation).</summary>
        private sealed class Slot
        {
            private readonly SemaphoreSlim _building = new SemaphoreSlim(1, 1);
            private InitFindings? _findings;

            public InitFindings Get(Func<InitFindings> build, CancellationToken cancellationToken)
            {
                var findings = Volatile.Read(ref _findings);
                if (findings != null)
                {
                    return findings;
                }

                _building.Wait(cancellationToken);
                try
                {
                    if (_findings == null)
                    {
                        Volatile.Write(ref _findings, build());
                    }

                    return _findings!;
                }
                finally
                {
                    _building.Release();
                }
            }
        }

        /// <summary>
        /// One program: the compilation's trees, references and options (by reference: a host's copies of a
        /// compilation share them) and the configuration the model reads. Holds no symbol.
        /// </summary>
        internal sealed class CompilationKey : IEquatable<CompilationKey>
        {
            private readonly ImmutableArray<SyntaxTree> _trees;
            private readonly ImmutableArray<MetadataReference> _references;
            private readonly CompilationOptions _options;
            private readonly string? _assemblyName;
            private readonly ModelInputs _inputs;

            public CompilationKey(Compilation compilation, ModelInputs inputs)
            {
                _trees = ImmutableArray.CreateRange(compilation.SyntaxTrees);
                _references = ImmutableArray.CreateRange(compilation.References);
                _options = compilation.Options;
                _assemblyName = compilation.AssemblyName;
                _inputs = inputs;
            }

            public bool Equals(CompilationKey? other)
                => other != null
                    && ReferenceEquals(_options, other._options)
                    && _assemblyName == other._assemblyName
                    && SameObjects(_trees, other._trees)
                    && SameObjects(_references, other._references)
                    && _inputs.Equals(other._inputs);

            public override bool Equals(object? obj) => obj is CompilationKey other && Equals(other);

            public override int GetHashCode() => (_trees.Length * 397) ^ _references.Length;

            private static bool SameObjects<T>(ImmutableArray<T> left, ImmutableArray<T> right)
                where T : class
            {
                if (left.Length != right.Length)
                {
                    return false;
                }

                for (var i = 0; i < left.Length; i++)
                {
                    if (!ReferenceEquals(left[i], right[i]))
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        /// <summary>
        /// What the model reads besides the compilation: the configured handler types and API lists, and the
        /// handlers the templates deploy. Two starts with equal inputs share a build.
        /// </summary>
        internal sealed class ModelInputs : IEquatable<ModelInputs>
        {
            private readonly ImmutableArray<ImmutableHashSet<string>> _sets;
            private readonly bool _mixedDeployment;

            public ModelInputs(SnapSafeOptions options, SnapStartDeployment deployment)
            {
                _sets = ImmutableArray.Create(
                    options.HandlerTypes,
                    options.UniqueValueMethods,
                    options.SecretMethods,
                    options.ConnectionMethods,
                    options.SensitiveTypes,
                    deployment.HandlerTypeNames);
                _mixedDeployment = deployment.IsMixed;
            }

            public bool Equals(ModelInputs? other)
            {
                if (other == null || other._mixedDeployment != _mixedDeployment)
                {
                    return false;
                }

                for (var i = 0; i < _sets.Length; i++)
                {
                    if (!_sets[i].SetEquals(other._sets[i]))
                    {
                        return false;
                    }
                }

                return true;
            }

            public override bool Equals(object? obj) => obj is ModelInputs other && Equals(other);

            public override int GetHashCode()
            {
                var hash = _mixedDeployment ? 1 : 0;
                foreach (var set in _sets)
                {
                    hash = (hash * 397) ^ set.Count;
                }

                return hash;
            }
        }
    }

    /// <summary>The findings of one init-phase model, by the tree that holds them; read-only once built.</summary>
    internal sealed class InitFindings
    {
        private readonly Dictionary<SyntaxTree, List<Finding>> _byTree;

        public InitFindings(Dictionary<SyntaxTree, List<Finding>> byTree)
        {
            _byTree = byTree;
        }

        /// <summary>The findings located in one tree.</summary>
        public IReadOnlyList<Finding> In(SyntaxTree tree)
            => _byTree.TryGetValue(tree, out var list) ? list : (IReadOnlyList<Finding>)Array.Empty<Finding>();
    }
}
