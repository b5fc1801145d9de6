using System;
using System.IO;
using System.Linq;
using Xunit;

namespace SnapSafe.Analyzers.Tests.Conventions
{
    /// <summary>Every rule has a page under docs/rules, and its help link points at that page.</summary>
    public sealed class RuleDocumentationTests
    {
        public static TheoryData<string> DescriptorIds => Catalog.DescriptorIds;

        [Fact]
        public void Descriptors_are_declared()
        {
            Assert.NotEmpty(Catalog.Descriptors);
        }

        [Theory]
        [MemberData(nameof(DescriptorIds))]
        public void Doc_page_exists_and_its_first_heading_is_the_id_and_title(string id)
        {
            var descriptor = Catalog.Descriptors[id];
            var path = Repository.PathOf("docs", "rules", id + ".md");
            Assert.True(File.Exists(path), "Missing doc page docs/rules/" + id + ".md");

            var firstHeading = File.ReadLines(path).FirstOrDefault(line => line.StartsWith("#", StringComparison.Ordinal));
            Assert.Equal("# " + id + ": " + descriptor.Title, firstHeading);
        }

        [Theory]
        [MemberData(nameof(DescriptorIds))]
        public void Help_link_ends_with_the_doc_page_path_and_the_page_exists(string id)
        {
            var descriptor = Catalog.Descriptors[id];
            var relative = "docs/rules/" + id + ".md";
            Assert.EndsWith(relative, descriptor.HelpLinkUri, StringComparison.Ordinal);
            Assert.True(File.Exists(Repository.PathOf("docs", "rules", id + ".md")), "The help link of " + id + " points at a missing file: " + relative);
        }

        [Theory]
        [MemberData(nameof(DescriptorIds))]
        public void Descriptor_is_in_the_SnapStart_category_and_enabled_by_default(string id)
        {
            var descriptor = Catalog.Descriptors[id];
            Assert.Equal(Descriptors.Category, descriptor.Category);
            Assert.Equal("SnapStart", descriptor.Category);
            Assert.True(descriptor.IsEnabledByDefault);
            Assert.Matches("^SNAP[0-9]{3}$", id);
        }

        [Fact]
        public void Every_doc_page_belongs_to_a_descriptor()
        {
            var pages = Directory.GetFiles(Repository.PathOf("docs", "rules"), "SNAP*.md")
                .Select(Path.GetFileNameWithoutExtension)
                .OrderBy(name => name, StringComparer.Ordinal);
            Assert.Equal(Catalog.Descriptors.Keys, pages);
        }
    }
}
