// The host's ReferenceData: one Boost.Geometry R-tree per reference layer,
// bulk-loaded once, answering plugins' nearest/within queries.
#pragma once

#include <memory>
#include <siterank/reference.hpp>
#include <vector>

namespace siterank {

class ReferenceIndex final : public ReferenceData {
 public:
  // Keeps pointers into `layers`, which must outlive the index.
  explicit ReferenceIndex(const std::vector<ReferenceLayer>& layers);
  ~ReferenceIndex() override;

  using ReferenceData::nearest;  // the convenience overloads returning vectors
  using ReferenceData::within;
  const ReferenceLayer* layer(std::string_view role) const override;
  void nearest(const ReferenceLayer& layer, Point p, std::size_t k, const AttributeFilter* filter,
               std::vector<Hit>& out) const override;
  void within(const ReferenceLayer& layer, Point p, double radius_m, const AttributeFilter* filter,
              std::vector<Hit>& out) const override;

 private:
  struct LayerIndex;
  const LayerIndex& index_of(const ReferenceLayer& layer) const;
  std::vector<std::unique_ptr<LayerIndex>> indexes_;
};

}  // namespace siterank
